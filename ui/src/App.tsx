import { Link, Route, Switch, useLocation } from "wouter";
import { signOut, useAuth } from "./api/auth";
import { resetWsClient } from "./api/client";
import { Dashboard } from "./pages/Dashboard";
import { FlowPage } from "./pages/Flow";
import { FlowRunPage } from "./pages/FlowRun";
import { FlowRunsPage } from "./pages/FlowRuns";
import { FlowsPage } from "./pages/Flows";
import { SignIn } from "./pages/SignIn";

function NavLink({ href, children }: { href: string; children: string }) {
  const [location] = useLocation();
  const current = href === "/" ? location === "/" : location.startsWith(href);
  return <Link href={href} aria-current={current ? "page" : undefined}>{children}</Link>;
}

export function App() {
  const { problem, signedIn } = useAuth();
  if (problem.kind === "unauthenticated") return <SignIn message={problem.message} />;
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <Link href="/" className="brand">flowrun</Link>
        <nav aria-label="Main">
          <NavLink href="/">Dashboard</NavLink>
          <NavLink href="/flows">Flows</NavLink>
          <NavLink href="/runs">Flow runs</NavLink>
          <a href="/graphql">GraphiQL</a>
        </nav>
        {signedIn ? (
          <button type="button" className="link" onClick={() => { signOut(); resetWsClient(); window.location.reload(); }}>
            Sign out
          </button>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/" component={Dashboard} />
          <Route path="/flows" component={FlowsPage} />
          <Route path="/flows/:id/:tab?" component={FlowPage} />
          <Route path="/runs" component={FlowRunsPage} />
          <Route path="/runs/:id" component={FlowRunPage} />
          <Route><h1>Not found</h1><p>There is no page here. <Link href="/">Go to the dashboard</Link>.</p></Route>
        </Switch>
      </main>
    </>
  );
}
