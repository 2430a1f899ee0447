export * from './learning.entity';
