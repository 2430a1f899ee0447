export * from './org.module';
export * from './org.service';
export * from './org-unit.entity';
export * from './org.exceptions';
export * from './org-rules';
export * from './access.service';
export * from './people.service';
export * from './registration.service';
