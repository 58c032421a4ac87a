export * from './upcaster';
export * from './upcasting-event-store';
