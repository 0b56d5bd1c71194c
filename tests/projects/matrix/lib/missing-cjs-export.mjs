import { satisfies, noSuchExport } from 'semver';
export default [satisfies, noSuchExport];
