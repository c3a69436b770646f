// Next.js 16's request proxy (formerly middleware.ts): every page but the sign-in page needs a
// session. Pages and actions check the user again against the database; this is the outer gate.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/signin" } });

export const config = {
  // Pages only: API routes authenticate themselves (session or API key) and answer 401, not a
  // redirect to the sign-in page. Also not the sign-in page itself or static assets.
  matcher: ["/((?!api/|signin|_next/static|_next/image|favicon.ico).*)"],
};
