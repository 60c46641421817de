// Node entry (ES module): the same instance as the CommonJS entry, so that `import` and
// `require` in one program share one WebAssembly instance. Synchronous, no init needed.
import { createRequire } from 'node:module';

const cjs = createRequire(import.meta.url)('./node.cjs');

export const { diff, dialects, formats, replay, resolveDialect, review, verify, verifyPlan, version, init, initSync } = cjs;
export default init;
