// What test/global-setup.ts hands every test file through `provide` / `inject`.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of this run's own migrated database, e.g. mysql://root@127.0.0.1:3306/sevabook_test_1a2b3c4d. */
    databaseUrl: string;
  }
}

export {};
