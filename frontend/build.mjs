// Copies the static placeholder into the folder Maven packages as classpath:/static.
// The real web app (Vite + React) replaces this script in its own issue.
import { cpSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const outDir = resolve(process.env.FRONTEND_OUT_DIR ?? 'dist');
mkdirSync(outDir, { recursive: true });
cpSync(resolve('src'), outDir, { recursive: true });
console.log(`frontend built into ${outDir}`);
