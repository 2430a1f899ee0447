export * from './roster.module';
export * from './import/roster-import.entity';
export * from './import/roster-import.service';
export * from './import/roster-writer';
export * from './parse';
export * from './slips/account-slips';
