/**
 * How the in-page bench plays a solver's payload on a map or arithmetic level: per mode, through that mode's play's
 * own actions (the ones its view's widgets call), as a player would. Bench-only (the test build loads it on
 * demand); a mode without a step here is simply not benched (the level reports an error).
 */
import type { LevelMode } from '../../shared/levels/modes';
import type { PayloadOf, SolutionKind, SolutionPayload } from '../../shared/levels/types';
import { ArithmeticPlay } from '../level/plays/arithmetic-play';
import { ConditionalPlay } from '../level/plays/conditional-play';
import { DreamPlay } from '../level/plays/dream-play';
import { HolesPlay } from '../level/plays/holes-play';
import type { MapPlay } from '../level/plays/map-play';
import { NavigatorPlay } from '../level/plays/navigator-play';
import { PathPlay } from '../level/plays/path-play';
import type { LevelPlay, PlayHost } from '../level/plays/play';

/** Plays `payload` on the level's play; `host` is the level shell (its status says when the attempt ended). */
export type PayloadStep = (play: LevelPlay, payload: SolutionPayload, host: PlayHost) => Promise<void>;

/** A step for one play class and payload kind; anything else is an error the bench reports. */
function step<P extends LevelPlay, K extends SolutionKind>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any play class
  playClass: abstract new (...args: any[]) => P,
  kind: K,
  act: (play: P, payload: PayloadOf<K>, host: PlayHost) => Promise<void>,
): PayloadStep {
  return (play, payload, host) => {
    if (!(play instanceof playClass)) throw new Error(`${host.level.id}'s play is not a ${playClass.name}.`);
    if (payload.kind !== kind) throw new Error(`${host.level.id} plays ${kind} payloads, not ${payload.kind}.`);
    return act(play, payload as PayloadOf<K>, host);
  };
}

/** Places the payload's points one by one (each counts when dropped), then ends the attempt if still open. */
async function placePoints(play: HolesPlay | NavigatorPlay, points: number[][], host: PlayHost): Promise<void> {
  for (const point of points) {
    if (host.status !== 'idle') break;
    const [x, y] = play.fromPayloadPoint(point);
    await play.place(x, y);
  }
  finishIfOpen(play, host);
}

function finishIfOpen(play: MapPlay, host: PlayHost): void {
  if (host.status === 'idle') play.finish();
}

export const PAYLOAD_STEPS: Partial<Record<LevelMode, PayloadStep>> = {
  arithmetic: step(ArithmeticPlay, 'expression', async (play, payload) => {
    payload.terms.forEach((term) => play.toggleCard(term.card));
    payload.terms.forEach((term, i) => play.setWeight(i, term.weight));
    await play.submit();
  }),
  holes: step(HolesPlay, 'latentPoints', (play, payload, host) => placePoints(play, payload.points, host)),
  navigator: step(NavigatorPlay, 'latentPoints', async (play, payload, host) => {
    // The payload answers one target; new attempts draw targets at random until it comes up.
    for (let i = 0; i < 100 && payload.target !== undefined && play.target !== payload.target; i++)
      await play.newAttempt();
    await placePoints(play, payload.points, host);
  }),
  path: step(PathPlay, 'path', async (play, payload) => {
    // The drawn path is exactly the payload's points (extendPath would merge points closer than a quarter step).
    play.clearPath();
    play.path = payload.points.map((p) => [p[0], p[1]]);
    await play.checkPath();
  }),
  // Digits on demand: point i is class i's; each is picked with its class button and written, as a player would.
  conditional: step(ConditionalPlay, 'latentPoints', async (play, payload, host) => {
    for (const [digit, point] of payload.points.entries()) {
      if (host.status !== 'idle') break;
      play.setDigit(digit);
      const [x, y] = play.fromPayloadPoint(point);
      await play.write(x, y);
    }
    finishIfOpen(play, host);
  }),
  dream: step(DreamPlay, 'draws', async (play, payload, host) => {
    for (const draw of payload.draws) {
      if (host.status !== 'idle') break;
      play.setSigma(draw.sigma);
      await play.dream(draw.mu[0], draw.mu[1]);
    }
    finishIfOpen(play, host);
  }),
};
