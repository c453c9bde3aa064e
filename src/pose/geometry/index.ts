export * from './angles';
export * from './degrees';
export * from './lines';
export * from './pair';
export * from './vector';
