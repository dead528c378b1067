export { openDatabase, type DatabaseHandle } from './open-database.js';
export { createSqliteStore } from './create-sqlite-store.js';
export { createSchedulerStore } from './create-scheduler-store.js';
export { StoreError, type StoreErrorCode } from './store-error.js';
export { listUserIds } from './list-user-ids.js';
