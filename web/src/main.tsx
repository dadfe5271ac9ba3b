import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { hasRole, login, logout, startAuth, type User, type WebConfig } from './auth';
import { useRoute } from './router';
import { Home } from './pages/Home';
import { Catalog } from './pages/Catalog';
import { Schedule } from './pages/Schedule';
import { SessionPage } from './pages/Session';
import { DebriefPage } from './pages/Debrief';
import { ProgressPage } from './pages/Progress';
import { ScorecardPage } from './pages/Scorecard';
import { CalibrationPage } from './pages/Calibration';
import { ImportPage } from './pages/Import';
import './styles.css';

function Nav({ user }: { user: User }) {
  const links: [string, string, boolean][] = [
    ['#/', 'Home', true],
    ['#/catalog', 'Catalog', true],
    ['#/schedule', 'Schedule', hasRole(user, 'coach', 'firm-admin')],
    ['#/progress', 'Progress', hasRole(user, 'candidate')],
    ['#/calibration', 'Calibration', hasRole(user, 'coach', 'firm-admin')],
    ['#/import', 'Import', hasRole(user, 'firm-admin')],
  ];
  return (
    <header class="top">
      <a class="brand" href="#/">Debrief</a>
      <nav aria-label="Main">
        <ul>{links.filter((l) => l[2]).map(([href, label]) => <li><a href={href}>{label}</a></li>)}</ul>
      </nav>
      <span class="who">{user.name}{user.firm ? ` · ${user.firm}` : ''}</span>
      <button type="button" class="link" onClick={() => void logout()}>Log out</button>
    </header>
  );
}

function App({ user }: { user: User }) {
  const route = useRoute();
  useEffect(() => {
    // moves focus to the new page's heading, so keyboard and screen-reader users land on the content
    document.getElementById('page-title')?.focus();
  }, [route.join('/')]);
  const [first, id, sub] = route;
  let page;
  if (first === 'catalog') page = <Catalog />;
  else if (first === 'schedule') page = <Schedule user={user} />;
  else if (first === 'sessions' && id && sub === 'scorecard') page = <ScorecardPage sessionId={id} />;
  else if (first === 'sessions' && id) page = <SessionPage id={id} user={user} />;
  else if (first === 'debriefs' && id) page = <DebriefPage sessionId={id} />;
  else if (first === 'progress') page = <ProgressPage />;
  else if (first === 'calibration') page = <CalibrationPage user={user} />;
  else if (first === 'import') page = <ImportPage />;
  else page = <Home user={user} />;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('page-title')?.focus(); }}>Skip to content</a>
      <Nav user={user} />
      <main id="main">{page}</main>
    </>
  );
}

function Welcome() {
  return (
    <main id="main" class="welcome">
      <h1>Debrief</h1>
      <p>Realistic mock interviews: a live clock, an interviewer who interrupts, and scores with the evidence quoted back.</p>
      <button type="button" class="primary" onClick={() => void login()}>Log in</button>
    </main>
  );
}

async function boot() {
  const root = document.getElementById('app')!;
  try {
    const config = (await (await fetch('/web-config.json')).json()) as WebConfig;
    const user = await startAuth(config);
    render(user ? <App user={user} /> : <Welcome />, root);
  } catch (e) {
    render(<main id="main"><h1>Debrief</h1><div class="problem" role="alert"><strong>Could not start</strong><p>{String(e)}</p></div></main>, root);
  }
}

void boot();
