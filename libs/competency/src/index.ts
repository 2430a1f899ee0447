export * from './competency.entity';
export * from './competency.rules';
export * from './tt02-2025.data';
export * from './competency.service';
export * from './competency.module';
