/**
 * Mechanism parameters: every coefficient of the twelve mechanisms, with its meaning, default,
 * and valid range (`min`/`max`: the bounds `copsim sensitivity` screens when no range is given).
 * docs/ODD.md gives the equation each one enters and its source.
 */
import { z } from 'zod';

const num = (dflt: number, min: number, max: number, description: string) =>
  z.number().min(min).max(max).default(dflt).describe(`${description} Default ${dflt}.`);

const int = (dflt: number, min: number, max: number, description: string) =>
  z.number().int().min(min).max(max).default(dflt).describe(`${description} Default ${dflt}.`);

export const launchParameters = z
  .strictObject({
    topDownSteering: num(
      0.3,
      0,
      1,
      'Steering of a top-down CoP whose `steering` is `auto` (management steers what it initiates, study 4.3).',
    ),
    founderBelonging: num(0.5, 0, 1, 'Belonging of founders at the launch: they already know each other.'),
    founderHabit: num(0.5, 0, 1, 'Habit of founders at the launch: they have met informally before.'),
    founderExpectation: num(0.6, 0, 1, 'Lowest expected meeting value of founders at the launch.'),
    founderMotivation: num(0.7, 0, 1, 'Lowest motivation of self-selected (bottom-up) founders.'),
  })
  .describe('0. Launch: founders and the defaults of initiation.');

export const timeBudgetParameters = z
  .strictObject({
    savedHoursReturn: num(1, 0, 1, 'Share of hours saved by reuse last week that come back as slack.'),
    recognitionProtection: num(
      0.3,
      0,
      1,
      'Share of the unprotected part of funded hours that management acceptance (approved or initiated) protects as well.',
    ),
  })
  .describe('1. Time budget.');

export const meetingParameters = z
  .strictObject({
    organiserMotivation: num(
      0.5,
      0,
      1,
      'Without a lead, a meeting is held only if some member with at least this motivation has slack to organise it.',
    ),
    organiserHours: num(0.5, 0, 16, 'Hours of preparation an organiser needs besides the meeting itself.'),
  })
  .describe('2. Meeting held?');

export const attendanceParameters = z
  .strictObject({
    intercept: num(-4.5, -10, 5, 'Intercept of the attendance logit.'),
    motivation: num(2.6, 0, 10, 'Weight of autonomous motivation in the attendance logit.'),
    expectation: num(2.2, 0, 10, 'Weight of expected meeting value.'),
    safety: num(0.8, 0, 10, 'Weight of psychological safety.'),
    belonging: num(1.2, 0, 10, 'Weight of belonging (ties to the CoP).'),
    habit: num(2.4, 0, 10, 'Weight of habit.'),
    expected: num(1.0, 0, 10, 'Compliance term when participation is expected.'),
    mandatory: num(4.0, 0, 12, 'Compliance term when participation is mandatory.'),
    mandateOverride: num(
      0.75,
      0,
      1,
      'Chance that a member without slack still attends a mandatory meeting (project work is displaced).',
    ),
    dormant: num(-1.0, -10, 5, 'Logit shift for dormant members (out of the habit of coming).'),
  })
  .describe('3. Attendance: a logistic choice gated by slack (Gagné & Deci 2005; Ren & Kraut 2014).');

export const valueParameters = z
  .strictObject({
    criticalMass: num(4, 1, 20, 'Attendees at which a meeting reaches half its potential value (Hill function).'),
    airtime: num(30, 5, 500, 'Attendees beyond which airtime per person, and so value, falls.'),
    presentationValue: num(0.45, 0, 1, 'Value of presentation time relative to exchange time.'),
    decisionPower: num(0.25, 0, 1, 'Relative value added by decision power `decide` (half of it for `influence`).'),
    learningRate: num(0.3, 0, 1, 'Delta-rule rate at which expectations follow experienced value.'),
    ties: num(0.12, 0, 1, 'Belonging gained per attended meeting, times airtime / (airtime + attendance): ties form more easily in small meetings.'),
    tiesDecay: num(0.03, 0, 1, 'Share of belonging lost per held meeting missed.'),
  })
  .describe('4. Meeting value and expectation.');

export const safetyParameters = z
  .strictObject({
    base: num(0.55, 0, 1, 'Baseline climate of psychological safety.'),
    lead: num(0.08, 0, 0.5, 'Climate added by a part-time lead (twice that for full-time).'),
    coach: num(0.08, 0, 0.5, 'Climate added by an agile coach.'),
    familiarity: num(0.2, 0, 1, 'Climate added per unit of attendees\' mean belonging.'),
    hierarchy: num(0.35, 0, 1, 'Climate removed per unit share of managers in the room.'),
    steering: num(0.15, 0, 1, 'Climate removed per unit of steering.'),
    mandate: num(0.08, 0, 1, 'Climate removed per unit of compliance pressure (1 mandatory, 0.4 expected).'),
    size: num(0.06, 0, 1, 'Climate removed per doubling of attendance beyond 10.'),
    adaptation: num(0.15, 0, 1, 'Rate at which an attendee\'s safety moves toward the climate.'),
    speakUpGain: num(0.02, 0, 0.5, 'Safety gained when speaking up went well.'),
    speakUpLoss: num(0.05, 0, 0.5, 'Safety lost when speaking up went badly (Frazier et al. 2017).'),
  })
  .describe('5. Psychological safety (Edmondson 1999; Frazier et al. 2017).');

export const contributionParameters = z
  .strictObject({
    rate: num(3, 0, 10, 'Expected contributions per meeting of a fully motivated, safe, competent attendee in a small exchange meeting.'),
    cumulativeAdvantage: num(0.25, 0, 2, 'Boost per log-unit of one\'s past contributions.'),
    crowding: num(25, 1, 500, 'Attendance at which speaking opportunities per person halve.'),
    presentationSlots: num(0.8, 0, 1, 'Share of speaking slots a fully presentation-based meeting removes.'),
    window: int(6, 2, 26, 'Rolling window, in held meetings, over which roles are classified.'),
    coreAttended: int(5, 1, 26, 'Core: attended at least this many meetings of the window...'),
    coreContributions: int(6, 1, 100, '...and made at least this many contributions in it.'),
    activeAttended: int(2, 1, 26, 'Active: attended at least this many meetings of the window...'),
    activeContributions: int(1, 1, 100, '...and made at least this many contributions in it.'),
  })
  .describe('6. Contributions and roles (Wenger, McDermott & Snyder 2002).');

export const knowledgeParameters = z
  .strictObject({
    problemClasses: int(120, 1, 10_000, 'Recurring problem classes in a CoP\'s domain.'),
    zipfExponent: num(1.0, 0, 3, 'Exponent of the long-tailed (Zipf) frequency of problem classes.'),
    problemsPerWeek: num(0.5, 0, 10, 'Domain problems a fully interested member meets per week.'),
    solveHours: num(4, 0, 100, 'Hours to solve a problem from scratch, for a member of average competence.'),
    reuseCost: num(0.2, 0, 1, 'Cost of reusing a known solution, as a share of solving it anew.'),
    tacitRetention: num(0.65, 0, 1, 'Share of tacit know-how kept after four weeks without refresh (Argote et al. 1990).'),
    writtenRetention: num(0.95, 0, 1, 'Share of written know-how still usable after four weeks.'),
    share: num(0.5, 0, 1, 'Chance that a reinvented solution of a recently attending member enters the repertoire.'),
    write: num(0.15, 0, 1, 'Chance that a shared solution is also written down.'),
    attendanceAwareness: num(2.0, 0, 10, 'Awareness of the repertoire per unit of recent attendance.'),
    tiesAwareness: num(0.8, 0, 10, 'Awareness of the repertoire per unit of belonging (ties).'),
    findability: num(0.35, 0, 1, 'Chance that a member finds a written solution when looking.'),
    learning: num(0.01, 0, 0.5, 'Competence gained per problem worked on, as a share of what is left to learn.'),
    noviceBonus: num(1, 0, 2, 'Extra cost of solving a problem anew for a novice (competence 0), as a share of `solveHours`.'),
  })
  .describe('7. Knowledge problems and reuse (Argote et al. 1990; Kim 2009).');

export const motivationParameters = z
  .strictObject({
    adaptation: num(0.03, 0, 1, 'Weekly rate at which motivation moves toward its target.'),
    competence: num(0.15, 0, 1, 'Target raised per unit of competence above 0.5 (self-determination: competence).'),
    relatedness: num(0.2, 0, 1, 'Target raised per unit of belonging (self-determination: relatedness).'),
    decisionPower: num(0.1, 0, 1, 'Target raised by decision power `decide` (half for `influence`): autonomy.'),
    recognition: num(0.05, 0, 1, 'Target raised by management recognition (acceptance approved or initiated).'),
    mandateErosion: num(0.004, 0, 0.5, 'Weekly erosion under a mandate, times the member\'s unwillingness (Deci, Koestner & Ryan 1999).'),
    steeringErosion: num(0.015, 0, 0.5, 'Weekly erosion per unit of steering, times unwillingness and misalignment with management.'),
  })
  .describe('8. Motivation (self-determination theory; crowding-out).');

export const recruitmentParameters = z
  .strictObject({
    announcement: num(0.002, 0, 1, 'Weekly chance that an eligible, interested employee joins through outside influence (innovation, Bass p).'),
    launchPulse: num(0.12, 0, 1, 'Extra weekly joining chance right after a top-down launch or recognition.'),
    pulseWeeks: num(8, 0.1, 104, 'Decay time of the launch pulse, weeks.'),
    wordOfMouth: num(1.5, 0, 10, 'Weekly joining chance per unit share of satisfied members among one\'s ties (imitation, Bass q).'),
    teamTies: num(0.6, 0, 1, 'Share of a member\'s ties inside their own team; the rest span the team of teams and the organisation.'),
    nonTargetInterest: num(0.25, 0, 1, 'Relative chance that someone outside an open role-based CoP\'s target group joins.'),
    satisfaction: num(0.4, 0, 1, 'Expectation above which an active member recommends the CoP.'),
  })
  .describe('9. Recruitment (Bass 1969).');

export const churnParameters = z
  .strictObject({
    dormantAfter: int(4, 1, 52, 'Held meetings missed in a row after which a member becomes dormant.'),
    leaveHazard: num(0.08, 0, 1, 'Weekly chance that a dormant member with no belonging and no expectation leaves.'),
    welcome: num(0.6, 0, 1, 'Belonging a newcomer gains from the lead\'s welcome at the first meeting (Joyce & Kraut 2006).'),
    firstMeetingBelonging: num(0.05, 0, 1, 'Belonging a newcomer gains from a first meeting without welcome.'),
    newcomerMeetings: int(3, 1, 26, 'Held meetings after the first attended within which a newcomer counts as returning.'),
  })
  .describe('10. Churn and onboarding.');

export const habitParameters = z
  .strictObject({
    gain: num(0.12, 0, 1, 'Habit gained per attended meeting at full regularity (asymptotic, Lally et al. 2010).'),
    decay: num(0.04, 0, 1, 'Share of habit lost per missed meeting.'),
    irregularity: num(0.6, 0, 1, 'Share of habit gain lost at zero regularity.'),
  })
  .describe('11. Habit (Lally et al. 2010).');

export const deathParameters = z
  .strictObject({
    minAttendance: int(3, 1, 100, 'A meeting with fewer attendees than this counts as failing.'),
    failingMeetings: int(6, 1, 52, 'Failing meetings in a row after which the CoP dies.'),
    silentWeeks: int(16, 1, 520, 'Weeks without any meeting after which the CoP dies.'),
  })
  .describe('12. CoP death.');

export const parametersSchema = z
  .strictObject({
    launch: launchParameters.prefault({}),
    timeBudget: timeBudgetParameters.prefault({}),
    meeting: meetingParameters.prefault({}),
    attendance: attendanceParameters.prefault({}),
    value: valueParameters.prefault({}),
    safety: safetyParameters.prefault({}),
    contributions: contributionParameters.prefault({}),
    knowledge: knowledgeParameters.prefault({}),
    motivation: motivationParameters.prefault({}),
    recruitment: recruitmentParameters.prefault({}),
    churn: churnParameters.prefault({}),
    habit: habitParameters.prefault({}),
    death: deathParameters.prefault({}),
  })
  .describe('Mechanism parameters; see docs/ODD.md for each equation.');

export type Parameters = z.output<typeof parametersSchema>;
