// Page state kept in the URL's query string, so a view can be bookmarked and survives a reload.
import { useLocation, useSearch } from "wouter";

export function useQueryParams(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(search);
  function update(changes: Record<string, string | null>): void {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    navigate(text ? `${location}?${text}` : location, { replace: true });
  }
  return [params, update];
}
