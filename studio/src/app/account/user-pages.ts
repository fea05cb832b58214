/**
 * The user's own pages (the recycle bin, the password) in one chunk: each lazily loaded route that
 * shares antd's modules with the first load in its own way makes the bundler split those modules
 * into more first-load files, and each file gzips on its own (measured: +1.5 KB per page).
 */
export { ChangePasswordPage } from './change-password-page';
export { RecycleBinPage } from '../recycle-bin/recycle-bin-page';
