// Used by `npx drizzle-kit generate`: turns src/storage/schema.ts into SQL migrations under drizzle/.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/storage/schema.ts',
  out: './drizzle',
});
