/** Base of every API URL: '' calls the same origin (the dev server proxies /api to the local app). */
export const API_BASE_URL: string = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/+$/, '');
