/**
 * Model parameters: every number the mechanisms use, with its meaning, default, valid range
 * (`min`/`max`: what a scenario may set, and what `copsim sensitivity` screens when no range is
 * given) and, where there is one, its source. The engine writes no other number that a
 * researcher could want to vary. docs/ODD.md gives the equation each one enters.
 *
 * Groups follow the tick (see `MECHANISMS` in step.ts); `population`, `interest` and `network`
 * describe the organisation the tick runs on, `knockouts` switches channels off (channels.ts).
 */
import { z } from 'zod';
import { CHANNELS } from './channels.js';

const num = (dflt: number, min: number, max: number, description: string) =>
  z.number().min(min).max(max).default(dflt).describe(`${description} Default ${dflt}.`);

const int = (dflt: number, min: number, max: number, description: string) =>
  z.number().int().min(min).max(max).default(dflt).describe(`${description} Default ${dflt}.`);

export const populationParameters = z
  .strictObject({
    concentration: num(
      5,
      1,
      100,
      'Concentration (a + b) of the Beta distributions of personal traits: how much people differ around the organisation\'s means. Assumed: moderate spread.',
    ),
    competence: num(0.5, 0.01, 0.99, 'Mean competence of the initial staff in their CoPs\' domains. Assumed.'),
    hireCompetence: num(0.3, 0.01, 0.99, 'Mean competence of a new hire (turnover). Assumed: below the staff\'s.'),
    managerAlignment: num(
      0.9,
      0,
      1,
      'Alignment of managers with management\'s agenda (everyone else: `organisation.managementAlignment`). Assumed: managers set it.',
    ),
    loadSpread: num(4, 0, 20, 'Width, in hours, of the uniform personal offset of project load: some people are busier than others. Assumed.'),
    absence: num(
      0.12,
      0,
      0.9,
      'Weekly chance that a person is away (holidays, sick leave, travel) and can neither attend nor organise. Basis: about 25–30 days of holiday and 5–10 of sick leave in some 230 working days.',
    ),
  })
  .describe('Population: how personal traits are drawn.');

export const interestParameters = z
  .strictObject({
    home: num(
      0.8,
      0,
      1,
      'Mean interest of a role in its home themes (e.g. Scrum Masters in agility). Basis: the interview study, 4.3 Themes, which ties themes to role-based CoPs (docs/ODD.md, Initialisation).',
    ),
    related: num(0.45, 0, 1, 'Mean interest of a role in themes related to its work (e.g. Scrum Masters in transformation). Assumed, between home and other.'),
    other: num(0.2, 0, 1, 'Mean interest of a role in any other theme. Assumed: low but not nil.'),
  })
  .describe('Interest: how much each role cares about each theme, by the basis table of docs/ODD.md.');

export const networkParameters = z
  .strictObject({
    crossTeamTies: num(
      6,
      0,
      50,
      'Colleague ties each person forms outside their team when the organisation is built (each tie has two ends, so the mean is twice this). Assumed.',
    ),
    sameGroup: num(
      0.5,
      0,
      1,
      'Chance that a colleague tie stays within one\'s team of teams (formal structure shapes informal ties; Allen 1977).',
    ),
    sameSite: num(
      0.6,
      0,
      1,
      'Chance that a colleague tie outside one\'s team of teams stays on one\'s site (communication falls with distance; Allen 1977).',
    ),
    sameRole: num(
      0.3,
      0,
      1,
      'Chance that a colleague tie goes to someone in the same role (homophily; McPherson, Smith-Lovin & Cook 2001).',
    ),
    teamStrength: num(0.5, 0, 1, 'Strength of a tie between members of the same team.'),
    colleagueStrength: num(0.3, 0, 1, 'Strength of a colleague tie outside one\'s team.'),
    tieCapacity: int(
      12,
      1,
      64,
      'Ties a person can keep from meeting people in CoPs; a new one displaces the weakest (a bounded number of close relations: the sympathy group of about 12–15; Dunbar 1993).',
    ),
    tieGain: num(0.22, 0, 1, 'Strength gained by a tie when two people talk in the same breakout group of a meeting.'),
    tieRetention: num(0.99, 0.5, 1, 'Weekly retention of the strength of a tie formed in a CoP.'),
    tieFloor: num(0.05, 0, 0.5, 'Strength below which a tie formed in a CoP is lost.'),
  })
  .describe('Network: the ties word of mouth, belonging, awareness and invitations travel along.');

export const launchParameters = z
  .strictObject({
    topDownSteering: num(
      0.3,
      0,
      1,
      'Steering of a top-down CoP whose `steering` is `auto` (management steers what it initiates, study 4.3).',
    ),
    founderTie: num(0.6, 0, 1, 'Strength of the ties among founders at the launch: they already know each other (seeds/002).'),
    founderHabit: num(0.5, 0, 1, 'Habit of founders at the launch: they have met informally before.'),
    founderExpectation: num(0.6, 0, 1.5, 'Lowest expected meeting value of founders at the launch.'),
    founderMotivation: num(0.7, 0, 1, 'Lowest motivation of self-selected (bottom-up) founders.'),
    founderWillingness: num(
      0.5,
      0,
      1,
      'Weight of willingness against chance in who self-selects as a bottom-up founder: score = interest · (1 − w + 2w·willingness) + founderNoise · U.',
    ),
    founderNoise: num(0.3, 0, 5, 'Weight of chance (a uniform draw) in who self-selects as a bottom-up founder.'),
  })
  .describe('Launch: founders and the defaults of initiation.');

export const timeBudgetParameters = z
  .strictObject({
    savedHoursReturn: num(1, 0, 1, 'Share of hours saved by reuse last week that come back as slack (the capability trap; Repenning & Sterman 2002).'),
    recognitionProtection: num(
      0.3,
      0,
      1,
      'Share of the unprotected part of funded hours that management acceptance (approved or initiated) protects as well.',
    ),
  })
  .describe('Time budget.');

export const meetingParameters = z
  .strictObject({
    organiserMotivation: num(
      0.5,
      0,
      1,
      'Without a lead who has the time, only members with at least this motivation and the slack for the meeting and its preparation volunteer to organise it.',
    ),
    organiserHours: num(1, 0, 16, 'Hours of preparation a meeting needs besides the meeting itself.'),
    valueHours: num(
      3,
      0.1,
      40,
      'Worth of a meeting to a would-be organiser, in hours per unit of expected value: the benefit U of the volunteer\'s dilemma (Diekmann 1985), against the cost of `organiserHours`.',
    ),
    partTimeLeadHours: num(4, 0, 40, 'Weekly hours a part-time lead has for the CoP.'),
    fullTimeLeadHours: num(30, 0, 40, 'Weekly hours a full-time lead has for the CoP.'),
  })
  .describe('Meeting held: who organises, a lead with the time or a volunteer.');

export const attendanceParameters = z
  .strictObject({
    intercept: num(-5.0, -10, 5, 'Intercept of the attendance logit.'),
    motivation: num(2.6, 0, 10, 'Weight of autonomous motivation in the attendance logit.'),
    expectation: num(2.2, 0, 10, 'Weight of expected meeting value.'),
    safety: num(0.8, 0, 10, 'Weight of psychological safety.'),
    belonging: num(1.2, 0, 10, 'Weight of belonging (ties to the CoP\'s people).'),
    habit: num(3.2, 0, 10, 'Weight of habit.'),
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
  .describe('Attendance: a logistic choice gated by slack (Gagné & Deci 2005; Ren & Kraut 2014).');

export const contributionParameters = z
  .strictObject({
    rate: num(
      3,
      0,
      20,
      'Contributions per meeting hour of a fully motivated, safe, competent attendee in an exchange with nobody else to share the time with.',
    ),
    airtime: num(4, 0.5, 100, 'Others in the conversation at which one\'s share of speaking time halves.'),
    groupSize: int(6, 2, 50, 'Largest breakout group of a meeting\'s exchange part (Lean Coffee tables, breakout rooms; seeds/001).'),
    groupByTies: num(
      0.6,
      0,
      1,
      'Share of a breakout group\'s seats that go to people its first member knows, best known first (people sit with the people they know).',
    ),
    plenary: num(0.3, 0, 1, 'Speaking in the presentation part (questions and answers), relative to exchange, per unit of airtime.'),
    unsafeShare: num(0.3, 0, 1, 'Share of one\'s contributions still made with no psychological safety at all (Edmondson 1999).'),
    noviceShare: num(0.5, 0, 1, 'Share of one\'s contributions still made with no competence at all, relative to full competence.'),
    cumulativeAdvantage: num(0.25, 0, 2, 'Boost per log-unit of one\'s contributions in the rolling window (cumulative advantage).'),
    window: int(6, 2, 26, 'Rolling window, in held meetings, over which roles are classified.'),
    coreAttended: int(5, 1, 26, 'Core: attended at least this many meetings of the window...'),
    coreSpeaking: num(
      0.35,
      0,
      5,
      '...and took at least this share of their speaking opportunities in it (contributions over the contributions they would have made at full propensity).',
    ),
    activeAttended: int(2, 1, 26, 'Active: attended at least this many meetings of the window...'),
    activeSpeaking: num(0.25, 0, 5, '...and took at least this share of their speaking opportunities in it (and spoke at least once).'),
  })
  .describe('Contributions and roles (Wenger, McDermott & Snyder 2002).');

export const valueParameters = z
  .strictObject({
    scale: num(4, 0.1, 100, 'Content (contributions heard, items presented) at which a meeting reaches 1 − 1/e of its value.'),
    itemWeight: num(1.5, 0, 20, 'Content worth of one prepared item (the lead\'s preparation, an external session, a solution brought in), in contributions heard.'),
    partTimeContent: num(1, 0, 10, 'Items a part-time lead prepares per meeting.'),
    fullTimeContent: num(2, 0, 10, 'Items a full-time lead prepares per meeting.'),
    externalItems: num(2, 0, 10, 'Items a funded external session (guest speaker) brings.'),
    decisionPower: num(0.25, 0, 1, 'Relative value added by decision power `decide` (times the influence share for `influence`).'),
    influence: num(0.5, 0, 1, 'Decision power of `influence`, as a share of `decide`.'),
    learningRate: num(0.3, 0, 1, 'Delta-rule rate at which expectations follow experienced value.'),
    priorExpectation: num(
      0.5,
      0,
      1.5,
      'Expected meeting value of someone who has never come, as a share of their interest fit (what they have heard of it, before any experience).',
    ),
    control: num(
      1,
      0,
      1,
      'Share of a meeting\'s value not credited to the CoP under full felt control: who attends because they must discounts what they got from it (Kelley 1973; Lepper, Greene & Nisbett 1973).',
    ),
    belongingScale: num(
      2.7,
      0.05,
      20,
      'Tie strength to members who come (weighted by their recent attendance) at which belonging reaches 1 − 1/e.',
    ),
  })
  .describe('Meeting value, expectation and ties.');

export const safetyParameters = z
  .strictObject({
    base: num(0.5, 0, 1, 'Baseline climate of psychological safety.'),
    partTimeLead: num(0.05, 0, 0.5, 'Climate added by a part-time lead who coaches the group.'),
    fullTimeLead: num(0.1, 0, 0.5, 'Climate added by a full-time lead who coaches the group.'),
    coach: num(0.1, 0, 0.5, 'Climate added by an agile coach.'),
    familiarity: num(0.4, 0, 1, 'Climate added per unit of familiarity: the mean tie strength between attendees.'),
    hierarchy: num(0.35, 0, 1, 'Climate removed per unit share of managers in the room.'),
    steering: num(0.1, 0, 1, 'Climate removed per unit of steering: management in control of the agenda.'),
    mandate: num(0.2, 0, 1, 'Climate removed per unit of compliance pressure (1 mandatory, `parameters.motivation.expectedPressure` expected).'),
    floor: num(0.05, 0, 1, 'Lowest climate.'),
    ceiling: num(0.98, 0, 1, 'Highest climate.'),
    adaptation: num(0.15, 0, 1, 'Rate at which an attendee\'s safety moves toward the climate.'),
    speakUpGain: num(0.02, 0, 0.5, 'Safety gained when speaking up went well.'),
    speakUpLoss: num(0.05, 0, 0.5, 'Safety lost when speaking up went badly (Frazier et al. 2017).'),
  })
  .describe('Psychological safety (Edmondson 1999; Frazier et al. 2017).');

export const knowledgeParameters = z
  .strictObject({
    problemClasses: int(120, 1, 10_000, 'Recurring problem classes in a CoP\'s domain.'),
    zipfExponent: num(1.0, 0, 3, 'Exponent of the long-tailed (Zipf) frequency of problem classes.'),
    problemsPerWeek: num(0.5, 0, 10, 'Domain problems a fully interested member meets per week.'),
    solveHours: num(4, 0, 100, 'Hours to solve a problem from scratch, for a member of average competence.'),
    reuseCost: num(0.2, 0, 1, 'Cost of reusing a known solution, as a share of solving it anew.'),
    costFloor: num(0.25, 0, 1, 'Lowest cost of solving a problem anew, as a share of `solveHours` (for the most competent).'),
    seekExpert: num(0.5, 0, 1, 'Chance that a fully competent member looks for an existing solution (a novice always looks).'),
    tacitRetention: num(
      0.75,
      0,
      1,
      'Share of tacit know-how kept after four weeks without refresh. Source: Argote, Beckman & Epple 1990 (a year keeps 3.2%, about 75% a month; applied per four weeks, 52 weeks keep 2.4%).',
    ),
    writtenRetention: num(0.95, 0, 1, 'Share of written know-how still usable after four weeks.'),
    share: num(0.5, 0, 1, 'Chance that a reinvented solution of a fully motivated, recently attending member enters the repertoire.'),
    shareAbsent: num(0.2, 0, 1, 'Chance of sharing of a member who did not attend recently, relative to one who did.'),
    write: num(0.15, 0, 1, 'Chance that a shared solution is also written down.'),
    attendanceAwareness: num(2.0, 0, 10, 'Awareness of the repertoire per unit of recent attendance.'),
    tiesAwareness: num(0.8, 0, 10, 'Awareness of the repertoire per unit of belonging (ties to members who come).'),
    findability: num(0.35, 0, 1, 'Chance that a member finds a written solution when looking.'),
    learning: num(0.01, 0, 0.5, 'Competence gained per problem worked on, as a share of what is left to learn.'),
    noviceBonus: num(1, 0, 2, 'Extra cost of solving a problem anew for a novice (competence 0), as a share of `solveHours`.'),
  })
  .describe('Knowledge problems and reuse (Argote et al. 1990).');

export const motivationParameters = z
  .strictObject({
    adaptation: num(0.02, 0, 1, 'Weekly rate at which motivation moves toward its target.'),
    fitFloor: num(0.4, 0, 1, 'Share of one\'s trait motivation directed at a CoP whose topics do not fit one at all.'),
    competence: num(0.15, 0, 1, 'Target raised per unit of competence above 0.5 (self-determination: competence).'),
    relatedness: num(0.2, 0, 1, 'Target raised per unit of belonging (self-determination: relatedness).'),
    decisionPower: num(0.1, 0, 1, 'Target raised by decision power `decide` (times the influence share for `influence`): autonomy.'),
    mandateErosion: num(
      0.014,
      0,
      0.5,
      'Weekly erosion of motivation under full felt control: compliance pressure times unwillingness (Deci, Koestner & Ryan 1999; Stukas et al. 1999).',
    ),
    expectedPressure: num(0.4, 0, 1, 'Compliance pressure of `expected` participation, as a share of `mandatory`.'),
    steeringErosion: num(0.015, 0, 0.5, 'Weekly erosion per unit of steering, times unwillingness and misalignment with management.'),
  })
  .describe('Motivation (self-determination theory; crowding-out).');

export const recruitmentParameters = z
  .strictObject({
    announcement: num(0.006, 0, 1, 'Weekly chance that an eligible, interested employee joins through an announcement by management (innovation, Bass p).'),
    unawareVisibility: num(0, 0, 2, 'Reach of announcements of a CoP management is unaware of, relative to an approved one.'),
    toleratedVisibility: num(0.1, 0, 2, 'Reach of announcements of a tolerated CoP, relative to an approved one.'),
    initiatedVisibility: num(1.5, 0, 5, 'Reach of announcements of a CoP management initiated, relative to an approved one.'),
    launchPulse: num(0.12, 0, 1, 'Extra weekly joining chance right after a top-down launch or recognition.'),
    pulseWeeks: num(8, 0.1, 104, 'Decay time of the launch pulse, weeks.'),
    wordOfMouth: num(2.8, 0, 20, 'Weekly joining chance per unit share of one\'s tie strength that runs to satisfied members (imitation, Bass q).'),
    motivationWeight: num(0.5, 0, 1, 'Weight of one\'s motivation toward the CoP, against topic fit, in one\'s affinity to join.'),
    selectivity: num(
      2,
      0.5,
      5,
      'Exponent of that mix of fit and motivation in the affinity to join: above 1, people join CoPs whose topics interest them and hardly any other.',
    ),
    willingness: num(0.5, 0, 1, 'Weight of prior willingness in one\'s affinity to join: a factor 1 − w + 2w·willingness.'),
    nonTargetInterest: num(0.05, 0, 1, 'Relative chance that someone outside an open role-based CoP\'s target group joins.'),
    rejoin: num(0.5, 0, 1, 'Relative chance that someone who left rejoins.'),
    satisfaction: num(0.4, 0, 1.5, 'Expectation above which an active or core member recommends the CoP.'),
    inviteSafety: num(0.75, 0, 1, 'Safety a member of a closed CoP needs to invite others into it.'),
  })
  .describe('Recruitment (Bass 1969) through announcements and ties.');

export const churnParameters = z
  .strictObject({
    dormantAfter: int(4, 1, 52, 'Held meetings missed in a row after which a member becomes dormant.'),
    leaveHazard: num(0.15, 0, 1, 'Weekly chance that a dormant member with no belonging and no expectation leaves.'),
    welcomeIntroductions: int(4, 0, 20, 'Members the lead introduces a newcomer to at their first meeting, besides the lead (Joyce & Kraut 2006).'),
    welcomeTie: num(0.6, 0, 1, 'Strength of each tie a welcome creates.'),
    newcomerMeetings: int(3, 1, 26, 'Held meetings after an attended one within which a member counts as returning.'),
  })
  .describe('Churn and onboarding.');

export const habitParameters = z
  .strictObject({
    gain: num(0.2, 0, 1, 'Habit gained per attended meeting at full regularity (asymptotic, Lally et al. 2010).'),
    decay: num(0.04, 0, 1, 'Share of habit lost per missed meeting.'),
    irregularity: num(0.6, 0, 1, 'Share of habit gain lost at zero regularity (a stable context forms habits; Lally et al. 2010).'),
    control: num(
      1,
      0,
      1,
      'Share of habit gain lost under full felt control: habits form from autonomously motivated behaviour (Gardner & Lally 2013).',
    ),
  })
  .describe('Habit (Lally et al. 2010).');

export const deathParameters = z
  .strictObject({
    minAttendance: int(3, 1, 100, 'A meeting with fewer attendees than this counts as failing.'),
    failingMeetings: int(6, 1, 52, 'Failing meetings in a row after which the CoP dies: too few come.'),
    silentMeetings: int(6, 1, 52, 'Planned meetings in a row that nobody organised after which the CoP dies: nobody organises.'),
  })
  .describe('CoP death.');

const channelName = z.enum(CHANNELS.map((c) => c.name) as [string, ...string[]]);

export const parametersSchema = z
  .strictObject({
    population: populationParameters.prefault({}),
    interest: interestParameters.prefault({}),
    network: networkParameters.prefault({}),
    launch: launchParameters.prefault({}),
    timeBudget: timeBudgetParameters.prefault({}),
    meeting: meetingParameters.prefault({}),
    attendance: attendanceParameters.prefault({}),
    contributions: contributionParameters.prefault({}),
    value: valueParameters.prefault({}),
    safety: safetyParameters.prefault({}),
    knowledge: knowledgeParameters.prefault({}),
    motivation: motivationParameters.prefault({}),
    recruitment: recruitmentParameters.prefault({}),
    churn: churnParameters.prefault({}),
    habit: habitParameters.prefault({}),
    death: deathParameters.prefault({}),
    knockouts: z
      .array(channelName)
      .max(CHANNELS.length)
      .default([])
      .describe('Channels switched off by name (see docs/ODD.md, Channels): each then takes its neutral value. Default none.'),
  })
  .describe('Model parameters; see docs/ODD.md for each equation.');

export type Parameters = z.output<typeof parametersSchema>;
