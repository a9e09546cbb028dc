#!/usr/bin/env node
// Chancery is written in TypeScript and run through tsx, so `npx chancery` works straight after
// `npm install` with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
