import { defineConfig } from 'prisma/config';

// NOTE: Prisma 7 reads the connection URL from here, not from schema.prisma. `prisma generate`
// does not need it; `prisma migrate deploy` does (on machines that have the schema engine).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'pnpm --filter @sevabook/api db:seed',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sevabook',
  },
});
