// Where to go after sign-in: only a path on this site. One leading slash, then printable ASCII without a backslash:
// browsers drop tabs and newlines inside a URL ("/\t/evil.example" becomes "//evil.example", another site) and read a
// backslash as a slash. The host checks the same for the plain form sign-in (Auth/LocalUrl.cs).
export function localPath(url) {
  return typeof url === 'string' && url.length <= 2048 && /^\/(?!\/)[\x21-\x5b\x5d-\x7e]*$/.test(url) ? url : null;
}
