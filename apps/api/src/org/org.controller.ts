import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { type Principal, RequirePermission } from '@lms/core';
import { OrgService } from '@lms/org';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CreateOrgUnitDto, ListOrgUnitsQuery, OrgUnitDto, OrgUnitListDto, SubtreeQuery, UpdateOrgUnitDto, toOrgUnitDto } from './org.dto';

@ApiTags('org')
@Controller('org/units')
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get()
  @RequirePermission('org.read')
  @ApiOperation({ operationId: 'listOrgUnits', summary: 'Đơn vị trực thuộc / Children of a unit, or the roots' })
  @ApiOkResponse({ type: OrgUnitListDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListOrgUnitsQuery): Promise<OrgUnitListDto> {
    if (query.q) return { items: (await this.org.search(principal, query.q, query.type, query.includeArchived ?? false)).map(toOrgUnitDto) };
    return { items: (await this.org.children(principal, query.parentId, query.includeArchived ?? false)).map(toOrgUnitDto) };
  }

  @Get(':unitId')
  @RequirePermission('org.read')
  @ApiOperation({ operationId: 'getOrgUnit', summary: 'One unit of the organisation tree' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiNotFoundResponse({ description: 'ORG_UNIT_NOT_FOUND' })
  async get(@CurrentPrincipal() principal: Principal, @Param('unitId') id: string): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.org.get(principal, id));
  }

  @Get(':unitId/subtree')
  @RequirePermission('org.read')
  @ApiOperation({ operationId: 'getOrgSubtree', summary: 'Every unit beneath a unit (one indexed query)' })
  @ApiOkResponse({ type: OrgUnitListDto })
  async subtree(@CurrentPrincipal() principal: Principal, @Param('unitId') id: string, @Query() query: SubtreeQuery): Promise<OrgUnitListDto> {
    return { items: (await this.org.subtree(principal, id, query.type, query.includeArchived ?? false)).map(toOrgUnitDto) };
  }

  @Post()
  @RequirePermission('org.manage')
  @ApiOperation({ operationId: 'createOrgUnit', summary: 'Tạo đơn vị / Create a department, commune, institution or class' })
  @ApiCreatedResponse({ type: OrgUnitDto })
  @ApiUnprocessableEntityResponse({ description: 'ORG_INVALID_PARENT, ORG_INVALID_UNIT' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.org.create(principal, body));
  }

  @Patch(':unitId')
  @RequirePermission('org.manage')
  @ApiOperation({ operationId: 'updateOrgUnit', summary: 'Rename and/or move a unit (everything beneath moves with it)' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiUnprocessableEntityResponse({ description: 'ORG_INVALID_PARENT' })
  async update(@CurrentPrincipal() principal: Principal, @Param('unitId') id: string, @Body() body: UpdateOrgUnitDto): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.org.update(principal, id, body));
  }

  @Post(':unitId/archive')
  @HttpCode(200)
  @RequirePermission('org.manage')
  @ApiOperation({ operationId: 'archiveOrgUnit', summary: 'Lưu trữ đơn vị / Archive a unit and its subtree' })
  @ApiOkResponse({ type: OrgUnitDto })
  async archive(@CurrentPrincipal() principal: Principal, @Param('unitId') id: string): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.org.archive(principal, id));
  }
}
