// Background entrypoint: thin by design. The rule worker and the content scripts arrive with the
// extension issue; for now it only proves the extension builds and loads.
export default defineBackground(() => {});
