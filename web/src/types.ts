// The API's shapes as this client reads them (a typed layer a generated client can replace).

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field?: string; message?: string }[];
}

export type AnswerFormat = 'FREE_TEXT' | 'SQL' | 'STRUCTURED_METRICS';
export type SessionStatus = 'SCHEDULED' | 'IN_PROGRESS' | 'PAUSED' | 'COMPLETED' | 'ABANDONED' | 'EXPIRED';

export interface Person { id: string; name: string }

export interface RoundView {
  position: number; name: string; roundType: string; budgetSeconds: number; elapsedSeconds: number;
  remainingSeconds: number; overtimeSeconds: number; running: boolean;
}

export interface QuestionView {
  index: number; roundPosition: number; questionId: string; questionVersion: number; title: string;
  prompt: string | null; category: string; answerFormat: AnswerFormat; timeBudgetSeconds: number;
  askedAt: string | null; finishedAt: string | null; elapsedSeconds: number; remainingSeconds: number;
  overtimeSeconds: number; running: boolean;
}

export interface SessionView {
  id: string; status: SessionStatus; mode: 'SELF_PRACTICE' | 'COACHED'; tenant: string | null;
  candidate: Person; coach: Person | null; loop: string | null; version: number; currentQuestion: number;
  elapsedSeconds: number; serverTime: string; rounds: RoundView[]; questions: QuestionView[];
}

export interface SessionSummary {
  id: string; status: SessionStatus; mode: string; loop: string | null; candidate: string; coach: string | null;
  version: number; createdAt: string;
}

export interface Evidence { start: number; end: number; quote: string; pointer?: string }
export interface DimensionScore { key: string; level: number; evidence: Evidence[]; feedback: string }

export interface ScoreView {
  scoreId: string; answerId: string; sessionId: string; rubric: string; rubricVersion: number; scorer: string;
  scorerKind: string; overall: number; dimensions: DimensionScore[]; scoredAt: string;
}

export interface AnswerView {
  id: string; questionIndex: number; format: AnswerFormat; text: string | null; submitted: boolean;
  scores: ScoreView[];
}

export interface TimelineEntry { seq: number; type: string; at: string; actor: string; data: Record<string, unknown> }

export interface Metric { name: string; rank: number; kind: 'PRIMARY' | 'GUARDRAIL' | 'SECONDARY' }
export interface StructuredMetrics { metrics: Metric[]; decisionThreshold: string }

export interface Loop {
  id: string; slug: string; title: string; company: string | null; role: string; description: string | null;
  totalMinutes: number; rounds: { position: number; name: string; roundType: string; minutes: number; questionCount: number }[];
}

export interface QuestionSummary {
  id: string; slug: string; title: string; excerpt: string | null; category: string; role: string;
  company: string | null; difficulty: string; answerFormat: string; timeBudgetSeconds: number;
}
export interface QuestionPage {
  items: QuestionSummary[]; total: number; page: number; size: number;
  facets: Record<string, Record<string, number>>;
}

export interface DebriefDimension {
  key: string; name: string; weight: number; level: number; byScorer: Record<string, number>;
  evidence: Evidence[]; feedback: string;
}
export interface DebriefPoint { roundPosition: number; dimension: string; level: number; evidence: string; feedback: string }
export interface Debrief {
  sessionId: string; candidate: string; overall: number; recommendation: string; decisionRule: string;
  rounds: { roundPosition: number; rubric: string; overall: number; dimensions: DebriefDimension[] }[];
  strengths: DebriefPoint[]; concerns: DebriefPoint[]; oneThingToChange: DebriefPoint | null;
  dissent: { roundPosition: number; dimension: string; levels: Record<string, number>; note: string }[];
}

export interface Progress {
  candidate: string; sessions: number;
  dimensions: { dimension: string; points: { sessionId: string; at: string; level: number }[]; change: number | null }[];
}

export interface Calibration {
  items: number; ratings: number; scorers: string[]; alpha: number | null;
  pairs: { scorerA: string; scorerB: string; items: number; kappa: number | null }[];
  leniency: { scorer: string; items: number; leniency: number }[];
}

export interface Rubric {
  id: string; version: number; owner: string | null;
  definition: { slug: string; title: string; dimensions: { key: string; name: string; description?: string }[] };
}

export interface Member { id: string; username: string; name?: string; roles?: string[] }
