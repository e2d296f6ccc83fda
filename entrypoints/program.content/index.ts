export default defineContentScript({
  matches: ['https://freida.ama-assn.org/*'],
  main() {},
});
