export * from './centers';
export * from './users';
export * from './cases';
export * from './audit';
export * from './auth';
export * from './evidence';
export * from './config';
export * from './notifications';
