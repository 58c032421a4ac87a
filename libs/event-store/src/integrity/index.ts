export * from './anchor';
export * from './tamper-finding';
export * from './chain-verifier';
export * from './classify-break';
export * from './verify-event-store';
export * from './sqlite-log-verifier';
export * from './log-hash-reader';
