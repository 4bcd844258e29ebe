// Vite plugin: compiles and validates rules/ before every build, so a bad rule fails `npm run build`.
import { compileRulesToJson, RULES_DIR } from './lib.mjs';

export function rulesPlugin() {
  return {
    name: 'balise-rules',
    async buildStart() {
      try {
        await compileRulesToJson({ quiet: true });
      } catch (e) {
        this.error(e.message);
      }
      this.addWatchFile?.(RULES_DIR);
    },
  };
}
