/**
 * The one navigation item a path belongs to: the longest href that is the path or a parent
 * of it. "/my/new" is "我要反映", not also "我的案件".
 */
export function activeHref(pathname: string, hrefs: readonly string[]): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    const matches = pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}
