/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional bearer token baked in at build time (demo only: anyone loading the page can read it). */
  readonly VITE_API_TOKEN?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
