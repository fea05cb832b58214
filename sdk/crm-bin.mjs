#!/usr/bin/env node
// `npx crm …`: the command line is TypeScript (sdk/crm.ts), run through tsx's loader like the platform itself.
import { register } from 'tsx/esm/api';

register();
const { runCrm } = await import('./crm.ts');
process.exitCode = await runCrm(process.argv.slice(2));
