import { chunk, noSuchExport } from 'lodash-es';
export default [chunk, noSuchExport];
