// The generated TypeScript client (api/client-typescript, compiled to dist/) used from Node against the real
// stack: a whole mock loop, then a firm's import. Run by ClientsIT with GW, CLIENT and the tokens set.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const api = require(process.env.CLIENT);
const config = (token) => new api.Configuration({ basePath: process.env.GW, headers: { Authorization: `Bearer ${token}` } });
const check = (condition, message) => { if (!condition) { throw new Error(message); } };
const sub = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;

const sessions = new api.SessionsApi(config(process.env.CARA));
const answers = new api.AnswersApi(config(process.env.CARA));
const etag = async (id) => (await sessions.getSessionRaw({ id })).raw.headers.get('etag');
const answerIn = (format) => {
  switch (format) {
    case 'SQL': return { text: 'SELECT t.genre, count(*) AS plays FROM plays p JOIN titles t ON t.title_id = p.title_id GROUP BY t.genre' };
    case 'STRUCTURED_METRICS': return {
      text: 'One primary metric, a guardrail, the bar set first.',
      structured: {
        metrics: [{ name: 'weekly viewing hours per member', rank: 1, kind: 'PRIMARY' },
                  { name: '30-day cancellation rate', rank: 2, kind: 'GUARDRAIL' }],
        decisionThreshold: 'ship at +1.5% viewing hours with cancellations flat' } };
    default: return { text: 'Situation: clicks fell 8% after a redesign. I set one primary metric, a guardrail and the bar '
      + 'before looking; a holdout showed +2.3% hours with cancellations flat, so we kept it. Lesson: decide the bar first.' };
  }
};

const created = await new api.SessionsApi(config(process.env.COLIN)).createSession({
  createSessionRequest: { mode: 'COACHED', loop: 'netflix-data-pm', candidateId: sub(process.env.CARA), candidateName: 'cara' },
});
const id = created.id;
await sessions.startSession({ id, ifMatch: await etag(id) });
const questions = (await sessions.getSession({ id })).questions;
for (let index = 0; index < questions.length; index++) {
  await answers.submitAnswer({ id, index, ifMatch: await etag(id), answerRequest: answerIn(questions[index].answerFormat) });
  const move = index < questions.length - 1 ? 'nextQuestion' : 'completeSession';
  await sessions[move]({ id, ifMatch: await etag(id) });
}
const done = await sessions.getSession({ id });
check(done.status === 'COMPLETED', `the session is ${done.status}`);
console.log(`loop ${done.status} with ${questions.length} answers`);

const slug = `clients-ts-${Date.now()}`;
const line = JSON.stringify({ slug, title: 'Churn rose after a price change', category: 'METRIC_DESIGN',
  prompt: 'Churn rose 2 points the month after a price change. Did the price cause it?', role: 'DATA_PM',
  roundType: 'DATA_CASE', timeBudgetSeconds: 900, difficulty: 'MEDIUM', rubric: 'data-case', answerFormat: 'FREE_TEXT' });
const report = await new api.QuestionImportAndExportApi(config(process.env.SUMMIT))
  .importQuestions({ body: line + '\n', format: 'jsonl', mode: 'all-or-nothing' });
check(report.committed && report.created === 1, `the import report: ${JSON.stringify(report)}`);
console.log(`import committed: ${report.created} created`);
