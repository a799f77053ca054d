/** Static UI assets (served from assets/ui): the logo for Boot, the rest for the Preloader. */
export interface SvgAsset {
  key: string;
  url: string;
  width: number;
  height: number;
}

const ui = (name: string): string => `${import.meta.env.BASE_URL}ui/${name}`;

export const BOOT_ASSETS: readonly SvgAsset[] = [{ key: 'logo', url: ui('logo.svg'), width: 120, height: 72 }];

export const PRELOAD_ASSETS: readonly SvgAsset[] = [
  { key: 'backdrop', url: ui('backdrop.svg'), width: 1280, height: 720 },
  { key: 'icon-play', url: ui('icon-play.svg'), width: 20, height: 20 },
  { key: 'icon-pause', url: ui('icon-pause.svg'), width: 20, height: 20 },
  { key: 'icon-resume', url: ui('icon-resume.svg'), width: 20, height: 20 },
  { key: 'icon-stop', url: ui('icon-stop.svg'), width: 20, height: 20 },
];
