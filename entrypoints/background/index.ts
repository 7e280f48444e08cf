export default defineBackground(() => {
  // wired in the next commit
});
