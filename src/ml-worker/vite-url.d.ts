// Vite's `?url` imports (the worker tsconfig has no vite/client types): the default export is the asset's URL.
declare module '*?url' {
  const url: string;
  export default url;
}
