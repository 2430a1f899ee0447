import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { type Principal, RequirePermission } from '@lms/core';
import { PeopleService } from '@lms/org';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CreatePersonDto, CreatedPersonDto, LinkChildDto, ListPeopleQuery, MyChildrenDto, OneTimeCodeDto, PersonDto, PersonPageDto, RoleGrantDto, UpdatePersonDto } from './people.dto';

@ApiTags('users')
@Controller('users')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @RequirePermission('user.read')
  @ApiOperation({ operationId: 'listUsers', summary: 'Tài khoản trong phạm vi / Accounts within the caller’s reach, filtered and paged' })
  @ApiOkResponse({ type: PersonPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListPeopleQuery): Promise<PersonPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { items, total } = await this.people.list(principal, { ...query, page, pageSize });
    return { items, total, page, pageSize };
  }

  @Post()
  @RequirePermission('user.manage')
  @ApiOperation({ operationId: 'createUser', summary: 'Tạo tài khoản / Create an account with its roles; answers its one-time code' })
  @ApiCreatedResponse({ type: CreatedPersonDto })
  @ApiConflictResponse({ description: 'USERNAME_TAKEN, PERSON_CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({ description: 'ROLE_NOT_GRANTABLE' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreatePersonDto): Promise<CreatedPersonDto> {
    return this.people.create(principal, { ...body, roles: body.roles.map((r) => ({ role: r.role, unitId: r.unitId ?? null })) });
  }

  @Get(':userId')
  @RequirePermission('user.read')
  @ApiOperation({ operationId: 'getUser', summary: 'One account with roles, parents and children' })
  @ApiOkResponse({ type: PersonDto })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  get(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string): Promise<PersonDto> {
    return this.people.get(principal, userId);
  }

  @Patch(':userId')
  @RequirePermission('user.manage')
  @ApiOperation({ operationId: 'updateUser', summary: 'Sửa thông tin, khoá hoặc mở tài khoản / Edit, disable or re-enable an account' })
  @ApiOkResponse({ type: PersonDto })
  update(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string, @Body() body: UpdatePersonDto): Promise<PersonDto> {
    return this.people.update(principal, userId, body);
  }

  @Post(':userId/roles')
  @HttpCode(200)
  @RequirePermission('user.manage')
  @ApiOperation({ operationId: 'grantUserRole', summary: 'Gán vai trò / Grant a role on a unit' })
  @ApiOkResponse({ type: PersonDto })
  @ApiUnprocessableEntityResponse({ description: 'ROLE_NOT_GRANTABLE' })
  grant(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string, @Body() body: RoleGrantDto): Promise<PersonDto> {
    return this.people.grantRole(principal, userId, body.role, body.unitId ?? null);
  }

  @Delete(':userId/roles/:assignmentId')
  @RequirePermission('user.manage')
  @ApiOperation({ operationId: 'revokeUserRole', summary: 'Bỏ vai trò / Remove a role assignment' })
  @ApiOkResponse({ type: PersonDto })
  revoke(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string, @Param('assignmentId') assignmentId: string): Promise<PersonDto> {
    return this.people.revokeRole(principal, userId, assignmentId);
  }

  @Post(':userId/one-time-code')
  @HttpCode(200)
  @RequirePermission('user.manage')
  @ApiOperation({ operationId: 'resetUserCode', summary: 'Cấp lại mã đăng nhập / Replace the password with a new one-time code (ends every session)' })
  @ApiOkResponse({ type: OneTimeCodeDto })
  resetCode(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string): Promise<OneTimeCodeDto> {
    return this.people.resetCode(principal, userId);
  }

  @Post(':userId/children')
  @HttpCode(200)
  @RequirePermission('user.manage')
  @ApiOperation({ operationId: 'linkChild', summary: 'Liên kết phụ huynh với học sinh / Link a parent to a child' })
  @ApiOkResponse({ type: PersonDto })
  link(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string, @Body() body: LinkChildDto): Promise<PersonDto> {
    return this.people.linkChild(principal, userId, body.childId);
  }

  @Delete(':userId/children/:childId')
  @RequirePermission('user.manage')
  @ApiOperation({ operationId: 'unlinkChild', summary: 'Bỏ liên kết phụ huynh / Unlink a parent from a child' })
  @ApiOkResponse({ type: PersonDto })
  unlink(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string, @Param('childId') childId: string): Promise<PersonDto> {
    return this.people.unlinkChild(principal, userId, childId);
  }
}

@ApiTags('me')
@Controller('me/children')
export class MyChildrenController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @RequirePermission('child.read')
  @ApiOperation({ operationId: 'listMyChildren', summary: 'Con của tôi / A parent’s linked children' })
  @ApiOkResponse({ type: MyChildrenDto })
  async list(@CurrentPrincipal() principal: Principal): Promise<MyChildrenDto> {
    return { items: await this.people.childrenOf(principal) };
  }
}
