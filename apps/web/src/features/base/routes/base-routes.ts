/** The Base pages, loaded on demand as one chunk. */
export { BaseHomeRoute } from './base-home-route.tsx';
export { BaseRoute } from './base-route.tsx';
export { BaseIndexRoute } from './base-index-route.tsx';
export { TableRoute } from './table-route.tsx';
export { RecordRoute } from './record-route.tsx';
