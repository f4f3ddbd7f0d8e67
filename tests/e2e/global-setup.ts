import type { TestProject } from 'vitest/node';
import { startApp } from './server';

/** One app for every browser test file: started once, stopped at the end. */
export default async function setup(project: TestProject) {
  const app = await startApp();
  project.provide('baseUrl', app.baseUrl);
  return () => app.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
