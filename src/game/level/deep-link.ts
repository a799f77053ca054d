/**
 * `?level=<id>` opens a level directly after loading (screenshots, tests, a teacher's link), skipping the title
 * and the world map. Unknown ids still open the Level scene, which says the level does not exist.
 */
export function levelDeepLink(search: string): string | null {
  const id = new URLSearchParams(search).get('level');
  return id && /^[a-z0-9-]{1,64}$/.test(id) ? id : null;
}
