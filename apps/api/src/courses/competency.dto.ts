import { ApiProperty } from '@nestjs/swagger';

export class LevelDto {
  @ApiProperty({ minimum: 1, maximum: 8 }) id!: number;
  @ApiProperty({ example: 'CB' }) tier!: string;
  @ApiProperty({ example: 'CB1' }) shortCode!: string;
  @ApiProperty({ example: 'Bậc 1' }) nameVi!: string;
  @ApiProperty({ example: 'Cơ bản' }) tierNameVi!: string;
  @ApiProperty({ example: 'Basic' }) tierNameEn!: string;
  @ApiProperty({ type: [Number], description: 'Grades of CV 3456’s reference band (empty for 6–8)' }) grades!: number[];
}

export class CompetencySummaryDto {
  @ApiProperty({ example: '4.2' }) code!: string;
  @ApiProperty() nameVi!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ type: String, nullable: true }) descriptionVi!: string | null;
}

export class DomainDto {
  @ApiProperty({ example: '4' }) code!: string;
  @ApiProperty() nameVi!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ type: [CompetencySummaryDto] }) competencies!: CompetencySummaryDto[];
}

export class FrameworkDto {
  @ApiProperty({ type: [LevelDto] }) levels!: LevelDto[];
  @ApiProperty({ type: [DomainDto] }) domains!: DomainDto[];
}

export class CompetencyLevelDescriptorsDto {
  @ApiProperty() level!: number;
  @ApiProperty({ type: [String] }) descriptors!: string[];
}

export class CompetencyDetailDto extends CompetencySummaryDto {
  @ApiProperty() domainCode!: string;
  @ApiProperty({ type: [CompetencyLevelDescriptorsDto] }) levels!: CompetencyLevelDescriptorsDto[];
}
