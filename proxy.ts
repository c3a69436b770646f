// Next.js 16's request proxy (formerly middleware.ts): every page but the sign-in page needs a
// session. Pages and actions check the user again against the database; this is the outer gate.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/signin" } });

export const config = {
  // Everything except next-auth's own routes, the sign-in page and static assets.
  matcher: ["/((?!api/auth|signin|_next/static|_next/image|favicon.ico).*)"],
};
