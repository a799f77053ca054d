/**
 * The one catalogue of player-facing text. English is the reference locale: its keys define `MessageKey`, and
 * Polish, Czech and Spanish are complete `Catalogue`s in src/shared/i18n/{pl,cs,es}.ts (the type-checker, npm run
 * i18n:check and tests/unit/messages.test.ts say so). Messages are ICU MessageFormat (src/shared/i18n/icu.ts):
 * `{name}` fills a value, and whatever counts things is a plural, `{count, plural, one {# player} other {# players}}`,
 * so each language can give its own forms. `t()` fills them and leaves unknown ones visible so a missing param is
 * noticed.
 */
import { cs } from './i18n/cs';
import { es } from './i18n/es';
import { argumentNames, formatMessage, type MessageParams } from './i18n/icu';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './i18n/locales';
import { pl } from './i18n/pl';
import { pagesCs } from './i18n/pages/cs';
import { pagesEn, type PageMessageKey } from './i18n/pages/en';
import { pagesEs } from './i18n/pages/es';
import { pagesPl } from './i18n/pages/pl';

const en = {
  'app.title': 'Latent Quest',
  'preloader.title': 'Latent Quest',
  'preloader.tagline': 'Squeeze pictures through a bottleneck. See what survives.',

  'section.dataset': 'Dataset',
  'section.model': 'Model',
  'section.bottleneck': 'Bottleneck (code size)',
  'section.hidden': 'Hidden width',
  'section.noise': 'Noise (denoising)',
  'section.noiseLevel': 'Noise level',
  'section.backend': 'Compute backend',
  'section.loss': 'Loss',
  'section.images': 'Images',
  // ---- branch lab: the Lab's views, settings, generation and run comparison ----
  'lab.view.train': 'Training',
  'lab.view.settings': 'Settings',
  'lab.view.generate': 'Generate',
  'lab.view.compare': 'Compare',
  'lab.reason.variationalOnly': 'VAE and conditional VAE only',
  'lab.reason.sparseOnly': 'Sparse autoencoder only',
  'lab.reason.ksparseOnly': 'k-sparse autoencoder only',
  'lab.reason.vqvaeOnly': 'VQ-VAE only',
  'lab.reason.denoisingOnly': 'Denoising autoencoder only',
  'lab.reason.convFixed': 'Fixed in the convolutional model',
  'lab.reason.noHiddenLayer': 'No hidden layer at depth 0',
  'lab.reason.vqSamples': 'A VQ-VAE samples codebook entries',
  'lab.hyper.learningRate': 'Learning rate',
  'lab.hyper.steps': 'Training steps',
  'lab.hyper.batchSize': 'Batch size',
  'lab.hyper.loss': 'Reconstruction loss',
  'lab.hyper.activation': 'Activation',
  'lab.hyper.depth': 'Hidden layers (depth)',
  'lab.hyper.beta': 'β (KL weight)',
  'lab.hyper.rho': 'Sparsity target ρ',
  'lab.hyper.sparsityWeight': 'Sparsity weight',
  'lab.hyper.k': 'k (code units kept)',
  'lab.hyper.codebookSize': 'Codebook size K',
  'lab.hyper.slots': 'Code slots per image',
  'lab.loss.mse': 'MSE',
  'lab.loss.bce': 'Cross-entropy',
  'lab.activation.relu': 'ReLU',
  'lab.activation.sigmoid': 'sigmoid',
  'lab.activation.tanh': 'tanh',
  'lab.activation.elu': 'ELU',
  'lab.activation.linear': 'linear',
  'lab.gen.map': 'Latent map',
  'lab.gen.mapPca': 'Latent map: PCA of the {dim}-D codes ({share}% of their variance)',
  'lab.gen.dots': 'Codes',
  'lab.gen.grid': 'Decoded grid',
  'lab.gen.codebook': 'Codebook',
  'lab.gen.probe': 'Decoded at the probe',
  'lab.gen.samples': 'Samples from the prior',
  'lab.gen.sigma': 'Spread σ',
  'lab.gen.newSeed': 'New seed',
  'lab.gen.seed': 'seed {seed}',
  'lab.gen.strip': 'Interpolation: pick two images',
  'lab.gen.stripHint': 'From the first picked image to the second, along a straight line in code space',
  'lab.gen.class': 'Generate class',
  'lab.gen.empty': 'Train a model first: its codes, samples and interpolations appear here.',
  'lab.compare.previous': 'Previous',
  'lab.compare.current': 'This run',
  'lab.compare.none': 'Train again: the previous run stays here beside the new one.',
  'lab.compare.settings': '{kind} · code {code} · lr {lr} · steps {steps} · batch {batch}',
  'lab.compare.finalLoss': 'final loss {loss}',
  'lab.invalid': 'These settings cannot train: {detail}',

  'dataset.glyphs': 'Glyphs 7×5',
  'dataset.mnist': 'MNIST digits',

  'kind.dense': 'Dense',
  'kind.conv': 'Conv',
  'kind.denoising': 'Denoising',
  'kind.vae': 'VAE',
  'kind.cvae': 'CVAE',
  'kind.sparse': 'Sparse',
  'kind.ksparse': 'k-Sparse',
  'kind.vqvae': 'VQ-VAE',

  'spec.vq.missing': 'A VQ-VAE needs a codebook: its size K, the number of code slots and the code dimension.',
  'spec.vq.onlyVqvae': 'Codebook settings apply to VQ-VAE models only.',
  'spec.vq.codebookSize': 'The codebook size K must be a whole number from {min} to {max} (got {value}).',
  'spec.vq.slots': 'The number of code slots must be a whole number from 1 to {max} (got {value}).',
  'spec.vq.codeDim': 'The code dimension must be a whole number from 1 to {max} (got {value}).',
  'spec.vq.bottleneck': 'A VQ-VAE’s bottleneck is its slots × code dimension, {expected} (got {value}).',
  'spec.vq.commitment': 'The commitment weight must be a number from 0 to {max} (got {value}).',
  // world3 (#10): Navigator's μ ± σ ellipse
  'engine.notVariational':
    'Only a variational autoencoder (VAE) has a σ: this model encodes each input to a single point.',
  'engine.vq.notVqvae': 'Only a VQ-VAE has a codebook: this model has no codebook indices.',
  'engine.vq.indices':
    'Codebook indices must be a Uint16Array of whole images ({slots} per image), each from 0 to {max}.',
  'spec.reparameterize': 'The reparameterisation switch (on or off) applies to VAE and CVAE models only.',

  'noise.gaussian': 'Gaussian',
  'noise.saltPepper': 'Salt & pepper',
  'noise.masking': 'Masking',
  'noise.block': 'Block',

  'backend.auto': 'Auto',
  'backend.webgl': 'WebGL',
  'backend.wasm': 'WASM',
  'backend.cpu': 'CPU',
  'backend.pending': 'Starting…',
  'backend.engine': 'Engine: {backend}',
  'backend.display': 'Display: {renderer}',
  // The engine's reasons and run endings, worded from data (src/game/ml/engine-words.ts)
  'backend.why.autoWebgl': 'Using WebGL: the graphics ({renderer}) is hardware-accelerated, the fastest choice.',
  'backend.why.autoWasm': 'Using WASM: {cause}.',
  'backend.why.autoCpu': 'Using CPU, the slowest option: {cause}, and WebAssembly could not start.',
  'backend.cause.softwareGl':
    'WebGL here is software-rendered ({renderer}), slower than WASM and it would make the game stutter',
  'backend.cause.noWebgl': 'WebGL is not available to the worker',
  'backend.cause.contextLost': 'the WebGL context was lost earlier',
  'backend.why.chosen': 'Using {backend} because it was chosen in the settings.',
  'backend.why.chosenSoftware':
    'Using WebGL because it was chosen in the settings (note: this WebGL is software-rendered, by {renderer}).',
  'backend.why.failedOver': '{failed} could not start here, so using {backend} instead.',
  'backend.why.contextLost': 'The WebGL context was lost, so training moved to {backend}.',
  'train.end.cancelled': 'Training was stopped at step {step} of {total}.',
  'train.end.diverged':
    'Training diverged at step {step}: {cause}. The learning rate {rate} is probably too high for {optimizer}; the model keeps its last good weights, from step {lastGood}.',
  'train.diverge.lossNaN': 'the loss became NaN (not a number)',
  'train.diverge.exploded': 'the loss exploded to {loss}',
  'train.diverge.grew': 'the loss grew to {loss}, over 100 times its starting value {first}',
  'train.diverge.weightsNaN': 'the weights became NaN (not a number)',
  'notice.contextLost':
    'The WebGL context was lost at step {lostAt}; training continued on {backend} from step {fromStep}, the last good weights.',
  'renderer.canvas': 'Canvas',
  'renderer.webgl': 'WebGL',

  'button.train': 'Train',
  'button.retrain': 'Train again',
  'button.pause': 'Pause',
  'button.resume': 'Resume',
  'button.cancel': 'Cancel',
  'button.dismiss': 'Dismiss',

  'status.idle': 'Ready to train',
  'status.idleHint': 'Pick data and a model, then press Train.',
  'status.initialising': 'Starting the ML engine…',
  'status.training': 'Training',
  'status.paused': 'Paused',
  'status.done': 'Done',
  'status.error': 'Stopped',
  'status.cancelled': 'Cancelled',
  'progress.steps': 'Step {step} / {total}',
  'progress.rate': '{rate} samples/s',
  'progress.loss': 'loss {loss}',
  'progress.eta': 'ETA {eta}',
  'progress.took': 'took {time}',
  'progress.model': '{params, plural, one {# weight} other {# weights}} · code size {latent}',

  'loss.total': 'Total',
  'loss.reconstruction': 'Reconstruction',
  'loss.reconstructionIsTotal': 'Reconstruction (= total)',
  'loss.kl': 'KL',
  'loss.empty': 'The loss curve appears here while the model trains.',
  'loss.axisStep': 'step',

  'images.original': 'Original',
  'images.noisy': 'Noisy input',
  'images.reconstructed': 'Reconstructed',
  'images.empty': 'Reconstructions appear here while the model trains.',

  'hint.keyboard': 'Tip: Tab moves between controls, arrows change them, Enter presses a button.',

  'notice.workerRestarted':
    'The ML worker stopped unexpectedly. Restarted it on {backend} and restored the weights from step {step}.',
  'notice.workerRestartedFresh':
    'The ML worker stopped unexpectedly. Restarted it on {backend}; the model starts again from fresh weights.',
  'notice.workerRestartedIdle': 'The ML worker stopped unexpectedly. Restarted it on {backend}.',
  'notice.workerFailed': 'The ML worker keeps stopping. Reload the page to try again.',
  // The engine's errors by code (src/shared/errors.ts), worded in src/game/ml/engine-words.ts
  'ml.error.INVALID_SPEC': "the model's settings are not valid for the engine; change them and try again.",
  'ml.error.INVALID_CONFIG': 'the training settings are not valid; change them and try again.',
  'ml.error.INVALID_INPUT': 'the engine could not use this input (wrong size or values).',
  'ml.error.UNKNOWN_DATASET': 'the engine does not know this dataset.',
  'ml.error.UNKNOWN_MODEL': 'the model is no longer in the engine (it was restarted); train it again.',
  'ml.error.UNKNOWN_JOB': 'that training run is already over.',
  'ml.error.BACKEND_UNAVAILABLE': 'no compute backend (WebGL, WASM or CPU) could start in this browser.',
  'ml.error.DATASET_LOAD_FAILED': 'the digits could not be loaded; check the connection and try again.',
  'ml.error.WEIGHTS_NOT_FOUND': "the model's weights were not found; train it again.",
  'ml.error.WORKER_CRASHED': 'the ML worker stopped; it restarts by itself, then try again.',
  'ml.error.JOB_SUPERSEDED': 'a newer run replaced this one.',
  'ml.error.INTERNAL': 'something went wrong in the engine; try again (the browser console has the details).',
  'notice.trainingFailed': 'Training stopped: {detail}',
  'notice.diverged': 'Training stopped: {detail}',
  'notice.settingsReset':
    'Your saved game (progress and settings) could not be read, so it was reset to a fresh start.',
  'notice.saveEntriesDropped':
    'Part of your save ({count, plural, one {# item} other {# items}}) could not be read and was dropped: {parts}. Everything else was kept.',
  'notice.savePart.setting': 'the setting “{name}”',
  'notice.savePart.level': 'the result of “{title}”',
  'notice.savePart.levelSettings': 'your last settings on “{title}”',
  'notice.savePart.progress': 'the level results',
  'notice.backendChanged': 'Compute backend set to {backend}: the ML engine restarted with it.',
  'notice.more': '+{count} more',
  'notice.offlineReady': 'Latent Quest is saved on this device: it now plays without a network.',
  'notice.updateReady': 'A new version of Latent Quest is ready: it starts on the title screen.',
  'notice.updated': 'Latent Quest was updated to the newest version.',

  // ── Join a class (src/game/scenes/Classroom.ts, Results, Title; lead) ──────────────────────────────────────
  'title.join': 'Join a class',
  'title.inClass': 'Class {code} · {nickname}',
  'class.joinTitle': 'Join a class',
  'class.joinIntro': 'Your teacher shows a join code on the projector. Type it with a nickname the class will see.',
  'class.code': 'Join code',
  'class.nickname': 'Nickname',
  'class.nicknameHelp': '2–20 letters, digits, spaces, dots, dashes or underscores.',
  'class.join': 'Join',
  'class.joining': 'Joining…',
  'class.notServed':
    'This copy of the game has no class server. Open the address your teacher shows (npm run classroom).',
  'class.back': 'Back',
  'class.leave': 'Leave class',
  'class.codeLine': 'Code {code}',
  'class.stateDraft': 'Waiting for your teacher to start',
  'class.stateRunning': '{time} left',
  'class.stateEnded': 'The competition has ended',
  'class.you': 'You: {nickname}',
  'class.rank': 'Rank {rank} of {players}',
  'class.rankNone': 'No rank yet: finish a level',
  'class.stars': '{stars, plural, one {# star} other {# stars}}',
  'class.levels': 'Competition levels',
  'class.play': 'Play',
  'class.best': 'Best {score} · tries: {attempts}',
  'class.notPlayed': 'Not played yet',
  'class.variant': 'Your own variant of each level (seed {seed})',
  'class.same': 'Everyone plays the same targets (seed {seed})',
  'class.outboxEmpty': 'Every attempt reached the class server.',
  'class.outboxPending': '{count, plural, one {# attempt} other {# attempts}} waiting to be sent…',
  'class.outboxRetry':
    '{count, plural, one {# attempt} other {# attempts}} waiting: the server cannot be reached; retrying in {seconds} s.',
  'class.retryNow': 'Retry now',
  'class.refused': 'Refused: {message}',
  'class.attemptSent': 'sent',
  'class.attemptScored': 'scored, being verified',
  'class.attemptVerified': 'verified',
  'class.attemptCorrected': 'corrected: re-training your settings gave this score (your model measured {uploaded})',
  // scale (#11): the browser had no room to keep a trained model for an attempt waiting to be sent.
  'class.modelNotKept':
    'this device had no room to keep your trained model; if the page reloads before it is sent, the server re-trains your settings (the score takes longer)',
  'class.unknownLevel': 'This server lists a level this game does not have ({id}); update the game.',
  // branch lang (#13): every class-screen problem by its code (src/shared/classroom/problems.ts)
  'class.problem.joinCodeInvalid': 'A join code is 6 letters and digits, as shown on the projector.',
  'class.problem.competitionNotFound': 'No competition has the code {code}; check it with your teacher.',
  'class.problem.competitionEnded': 'This competition has ended.',
  'class.problem.removed': 'The teacher removed you from this competition.',
  'class.problem.classFull':
    'This competition is full ({players, plural, one {# player} other {# players}}); ask your teacher.',
  'class.problem.nicknameTaken': 'The nickname "{nickname}" is taken in this competition; pick another.',
  'class.problem.nicknameLength': 'A nickname has {min} to {max} characters.',
  'class.problem.nicknameInvisible': 'A nickname cannot contain invisible characters.',
  'class.problem.nicknameChars':
    'A nickname uses letters, digits, spaces, dots, dashes and underscores only, and starts with a letter or digit.',
  'class.problem.bearerMissing': 'The game did not send your class pass; join the competition again.',
  'class.problem.tokenInvalid': 'Your class pass is not valid; join the competition again.',
  'class.problem.tokenUnknown': 'The class server does not know your class pass; join the competition again.',
  'class.problem.notStarted': 'The competition has not started yet; wait for your teacher.',
  'class.problem.keyReused': 'This attempt was already sent with a different solution; play the level again.',
  'class.problem.levelNotInCompetition': 'Level "{level}" is not part of this competition.',
  'class.problem.levelUnknown': 'The class server has no level "{level}"; update the game.',
  'class.problem.solutionInvalid': 'The solution is not valid for this level.',
  'class.problem.modelNotTrained': 'Only a trained level takes a model upload.',
  'class.problem.modelUnreadable': 'The class server could not read the uploaded model.',
  'class.problem.modelMismatch': 'The uploaded model does not match its settings; train the level again.',
  'class.problem.submissionsClosed': 'The competition has ended; submissions are closed.',
  'class.problem.lateLimit':
    'The competition has ended; at most {count, plural, one {# attempt counts} other {# attempts count}} after the end.',
  'class.problem.ticketUsed': "The competition has ended, and this attempt's pass was already used.",
  'class.problem.wrongPassword': 'Wrong teacher password.',
  'class.problem.passwordThrottled':
    'Too many wrong passwords; wait {seconds, plural, one {# second} other {# seconds}} and try again.',
  'class.problem.noFreeCode': 'Could not find a free join code; try again.',
  'class.problem.alreadyRunning': 'The competition is already running.',
  'class.problem.alreadyEnded': 'The competition has already ended.',
  'class.problem.playerNotFound': 'No player "{nickname}" in this competition.',
  'class.problem.throttled':
    'Too many requests; wait {seconds, plural, one {# second} other {# seconds}} and try again.',
  'class.problem.busy':
    'The class server is busy scoring other attempts; it tries again in {seconds, plural, one {# second} other {# seconds}}.',
  'class.problem.scoringUnavailable': 'The class server could not score this attempt just now; it will try again.',
  'class.problem.scoringFailed': 'The class server could not score this attempt.',
  'class.problem.requestInvalid': 'The class server could not read what the game sent; update the game.',
  'class.problem.bodyTooLarge': 'This attempt is too large for the class server (at most {bytes} bytes).',
  'class.problem.notJson': 'The class server could not read what the game sent; update the game.',
  'class.problem.encodingUnsupported': 'The class server cannot read this compression of the attempt; update the game.',
  'class.problem.noRoute': 'This server does not run classes; ask your teacher for the address.',
  'class.problem.serverError': 'Something went wrong on the class server; your teacher can see the details in its log.',
  'class.problem.unreachable': 'The class server cannot be reached ({detail}).',
  'class.problem.timeout': 'The class server did not answer in time.',
  'class.problem.unreadableReply': 'The class server sent an answer the game cannot read; it will try again.',
  'class.problem.httpStatus': 'The class server answered with error {status}.',
  'class.problem.recordUnreadable':
    'Your class record could not be read ({detail}); it was set aside. Join the class again.',
  'class.problem.storageRefused':
    'This browser refused to store your class attempts; keep this tab open until they are sent.',
  'class.problem.pendingJoin':
    '{count, plural, one {# attempt of your current class has} other {# attempts of your current class have}} not reached its server yet; wait until they are sent.',
  'class.problem.pendingLeave':
    '{count, plural, one {# attempt has} other {# attempts have}} not reached the class server yet; stay until they are sent.',
  'class.problem.unknown': 'The class server refused this (code {code}).',
  // end branch lang (#13)
  // branch lang (#10 §3): Noise zoo's per-kind card (src/game/level/views/noise-kinds-card.ts)
  'level.noiseKinds.title': 'Noise kinds of the test · error after training',
  'results.class.sent': 'Sent to class {code}: the server scored it {score}, {stars} of 3 stars.',
  'results.class.pending': 'Saved; it goes to class {code} as soon as the server can be reached.',
  'results.class.refused': 'Class {code} refused this attempt: {message}',
  'results.class.rank': 'Class rank {rank} of {players}',
  'results.class': 'Class',
  // ── end of the Join a class block ──

  // ── Meta screens: Title, WorldMap, Results, Settings, Lab (src/game/scenes/*, meta-screens engineer) ──────
  'title.tagline': 'Squeeze pictures through a bottleneck. See what survives.',
  'title.play': 'Play',
  'title.lab': 'Lab',
  'title.settings': 'Settings',
  'title.progress': '{stars} / {total, plural, one {# star} other {# stars}}',
  'title.keys': 'Tab or arrows to move, Enter to choose.',
  'title.starting': 'Starting…',
  'title.loadFailed': 'The game could not load ({detail}). Check the connection and reload the page.',
  'lab.title': 'Lab',
  'nav.back': 'Back',
  'world.title': 'World map',
  'world.progress': '{stars} / {total, plural, one {# star} other {# stars}}',
  'world.name.1': 'Bottleneck',
  'world.name.2': 'Denoise',
  'world.name.3': 'Latent map',
  'world.name.4': 'Latent arithmetic',
  // dice: World 5
  'world.name.5': 'Inside the VAE',
  'elbo.empty': '−ELBO: train to see its two parts',
  'elbo.training': '−ELBO on the training batch: {value} nats',
  'elbo.heldOut': 'Held-out −ELBO: {value} nats per image',
  'elbo.parts': 'reconstruction {reconstruction} + KL {kl}',
  'fail.elbo': '−ELBO {value} nats = reconstruction {reconstruction} + KL {kl}: {gap} over the goal of {limit}',
  'world.label': 'World {world}',
  'world.stars': '{stars} / {total}',
  'world.locked': 'Locked: win {stars, plural, one {# more star} other {# more stars}} in world {previous}.',
  'world.levelLocked': '“{title}” is locked: win the level before it first.',
  'world.levelLockedTries':
    'Locked: win “{previous}” or try it {tries, plural, one {# more time} other {# more times}}.',
  'world.worldLocked':
    '“{title}” is locked: win {stars, plural, one {# more star} other {# more stars}} in world {previous}.',
  'world.levelNumber': '{world}.{order}',
  'world.hint': 'Tab or arrows to pick a level, Enter to play.',
  'world.new': 'New',
  'world.best': 'Best {score} · tries: {attempts}',
  'results.goalMet': 'Goal met!',
  'results.goalMissed': 'Not quite yet',
  'results.score': 'Your score: {score}',
  'results.best': 'Best so far: {score}',
  'results.learned': 'What you learned',
  'results.next': 'Next level',
  'results.retry': 'Retry',
  'results.map': 'World map',
  'results.starsLabel': '{stars} of 3 stars',
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.backend': 'Compute backend',
  'settings.backendHelp': 'Auto picks the fastest engine this device runs well.',
  'settings.backendSoftware':
    'WebGL on this device is drawn in software (no graphics card): training on WebGL is many times slower here, so Auto uses WASM.',
  'settings.sound': 'Sound',
  'settings.motion': 'Reduced motion',
  'settings.on': 'On',
  'settings.off': 'Off',
  'settings.progress': 'Progress',
  'settings.reset': 'Reset progress',
  'settings.resetConfirm': 'Erase all stars? This cannot be undone.',
  'settings.resetYes': 'Yes, erase',
  'settings.resetNo': 'Keep them',
  'settings.resetDone': 'Progress reset: every level starts from zero stars.',
  'settings.back': 'Done',
  // ── Level resume after a worker crash (src/game/level/plays/trained-play.ts) ──────────
  'level.resume.restarting': 'The ML worker stopped. Restarting it…',
  'level.resume.continues': 'The ML worker stopped and was restarted; training continues from step {step}.',
  'level.resume.continuesShort': 'Worker restarted; continuing from step {step}.',
  'level.resume.resumedDone': 'Resumed from step {step} after a worker restart.',
  'level.resume.stopped': 'The ML worker stopped and was restarted.',
  'level.resume.noCheckpoint': 'No checkpoint yet to continue from: press Train again.',
  'level.resume.again': 'It stopped a second time: press Train to start again.',
  'level.resume.measuring': 'It stopped while measuring: press Train to start again.',
  'level.resume.gaveUp': 'The ML worker keeps stopping.',
  'level.resume.failed': 'It was not restarted: reload the page to play on.',
  // ── end of the level resume block ──
  // ── Results details (src/game/scenes/Results.ts, src/game/view/results-detail.ts; results engineer) ───────
  'results.detail.mseVsPca': 'Your MSE {mse} vs PCA {pca}',
  'results.detail.mse': 'Your MSE {mse}',
  'results.detail.pca': 'PCA MSE {pca}',
  'results.detail.worstLetter': 'Worst letter: {n, plural, one {# wrong pixel} other {# wrong pixels}}',
  'results.detail.worstLetterOne': 'Worst letter: 1 wrong pixel',
  'results.detail.worstLetterPerfect': 'Every letter perfect',
  'results.detail.perfectLetters': 'perfect letters: {n} of {total}',
  'results.detail.patternPixels': 'a random pattern has {n, plural, one {# pixel} other {# pixels}}',
  'results.detail.weights': 'Weights: {params}',
  'results.detail.overBudget': '{over} over the budget',
  'results.detail.withinBudget': 'within the budget',
  'results.detail.meanWrong': 'Wrong pixels per letter: {n} on average',
  'results.detail.hardestNoise': 'Hardest noise: {kind}',
  'results.detail.noise.gaussian': 'gaussian jitter',
  'results.detail.noise.saltPepper': 'salt & pepper',
  'results.detail.noise.masking': 'masking',
  'results.detail.noise.block': 'erased blocks',
  'results.detail.pointsTried': 'Points tried: {n}',
  'results.detail.bestMatch': 'Best match {value}',
  'results.detail.worstMatch': 'Worst match {value}',
  'results.detail.shares': 'Error at {mse} of its limit · KL at {kl} of its limit',
  'results.detail.digitsFound': 'Digits found: {n} of 10',
  'results.detail.inOrder': 'digits in the right order',
  'results.detail.outOfOrder': 'digits out of order',
  'results.detail.steps': 'Path of {n, plural, one {# step} other {# steps}}',
  // ── failure cards and takeaways (issue 10 §3): src/shared/levels/shortfall-text.ts ──
  'fail.metric.max': '{metric}: {value} ({gap} over the limit of {limit})',
  'fail.metric.min': '{metric}: {value} ({gap} short of the goal of {limit})',
  // holes2 (#10): Holes' failure card names the emptiest point that was not a hole.
  'fail.nearestGap':
    'Closest to a hole: a point {value} from the nearest dot ({gap} short of the {limit} a hole needs)',
  'fail.weights': '{count, plural, one {{value} weight} other {{value} weights}}: {gap} over the {limit} cap',
  'fail.worstLetter':
    'Worst letter {letter}: {n, plural, one {# wrong pixel} other {# wrong pixels}} (at most {limit} allowed)',
  'fail.kl': 'KL {value} nats, limit {limit}',
  'fail.reconstruction': 'Reconstruction error (MSE) {value}, limit {limit}',
  'fail.hardestNoise': 'Hardest noise: {kind}, MSE {value}',
  'fail.bestMatch': 'Best match {value}: no probe reached {limit}',
  // world3 (#10): Dream's prior half of the goal
  'fail.priorDreams': 'Clean dreams from the prior N(0, I): {n} of {total}',
  'fail.digits': '{n} of {total} digits found; still missing: {missing}',
  'fail.pathOrder': 'The judge read {read}; the path must go {start} → {via} → {end}',
  'takeaway.top': 'Your {metric}: {value}, beyond the 3★ line ({limit}) by {gap}.',
  'takeaway.next': 'Your {metric}: {value}. The next star needs {limit}: {gap} to go.',
  'takeaway.missed': 'Closest to the goal: {detail}. Move one thing at a time and watch that number.',
  'takeaway.missedSettings': 'You tried {settings}. What missed: {detail}. Change one setting and compare.',
  'takeaway.budget': 'Your model used {share} of the {limit}-weight budget ({value} weights).',
  'takeaway.squeeze': 'A code of {count, plural, one {# number} other {# numbers}} held all 26 letters.',
  'live.weights': 'Weights: {value} of {limit}',
  'live.weightsOver': 'Weights: {value}, {gap} over the {limit} cap',
  // ── end of the issue 10 §3 block ──
  // ── end of the Results details block ──
  // ── end of the meta-screens block ──

  // ── Level scene + HUD (src/game/scenes/Level.ts, Hud.ts, src/game/level) ─────────────────────────────────
  'level.worldOrder': 'World {world} · Level {order}',
  'level.concept': 'Concept',
  'level.leave': 'Leave',
  'level.start': "Let's play",
  'level.backToLevel': 'Back to the level',
  'level.seed':
    'Source: {citation}, in {language, select, pl {Polish} cs {Czech} es {Spanish} other {English}}: “{idea}”',
  'level.yourModel': 'Your model',
  'level.train': 'Train',
  'level.trainAgain': 'Train again',
  'level.stop': 'Stop',
  'level.training': 'Training',
  'level.preparing': 'Building the model…',
  'level.firstStep': 'Training · first step (a slow backend builds the model first)…',
  'level.measuring': 'Measuring on held-out images…',
  'level.ready': 'Set the controls, then press Train.',
  'level.weights': '{params, plural, one {# weight} other {# weights}}',
  'level.on': 'On',
  'level.off': 'Off',
  'level.goal': 'Goal',
  'level.meterEmpty': 'No score yet',
  'level.meterValue': '{metric}: {value}',
  'level.starLine': '{stars}★ at {value}',
  'level.timer': 'Time {time}',
  'level.hint': 'Hint {n} of {total}',
  'level.hintLocked': 'Hint {n} unlocks in {time}',
  'level.hintAllShown': 'Tap to see the other hints',
  'level.hintNone': 'This level has no hints: trust your intuition.',
  'level.hintWaiting': 'Hints unlock as you play: stuck for a while? Help is on its way.',
  'level.resultWon': 'Goal met!',
  'level.resultMissed': 'Not yet',
  'level.resultScore': '{metric}: {value}',
  'level.doneWon': 'Done · {value} · {stars}',
  'level.doneMissed': 'Done · {value} · goal not met',
  'level.meterBest': 'Best: {value}',
  'level.nextStar': 'Next star at {value}.',
  'level.allStars': 'All three stars: the top of this level.',
  'level.goalHint': 'Meet the goal first: {goal}',
  'level.continue': 'Continue',
  'level.retry': 'Try again',
  'level.images.input': 'Input',
  'level.images.corrupted': 'Corrupted',
  'level.images.output': 'Rebuilt',
  // forces (Two forces): the row of decoded prior draws under the held-out images.
  'level.images.prior': 'Prior draws',
  'level.images.heldOut': 'Held-out images after training',
  'level.images.trap': 'After training: letters (top) · random patterns (bottom)',
  'level.images.training': 'Training images (live)',
  'level.error': 'Something went wrong: {detail}',
  'level.unknown': 'There is no level called "{id}".',
  'level.notPlayable': 'This level needs the pretrained models, which are not in this build yet.',
  'level.view.images': 'Images',
  'level.view.map': 'Latent map',
  'level.map.title': 'Where the held-out images land in the code space',
  'level.map.decoded': 'Decoded probe',
  'level.map.probe': 'z = ({x}, {y}). Drag or tap the map, or use the arrow keys.',
  'level.map.panel': 'Your probes',
  'level.map.targetImage': 'Target',
  'level.map.currentImage': 'Your probe',
  'level.map.place': 'Place probe',
  'level.map.score': 'Score my holes',
  'level.map.placePoint': 'Place point here',
  'level.map.again': 'Play again',
  'level.map.loading': 'Loading the pretrained model and its map…',
  'level.map.progress': 'Probes placed: {n} / {max}',
  'level.map.live': 'Live match {match}%',
  'level.map.model': 'Pretrained model: {asset}',
  'level.map.navStatus': 'Probes used: {n} / {max} · best match {best}',
  'level.map.navHelp':
    'Drag the probe and compare its decode with the target by eye. Place probe counts it and shows its match.',
  'level.map.holesStatus': 'Holes (empty spots): {holes} · points placed: {n} / {max}',
  'level.map.judgeHole': 'The decoder draws a smudge there: the judge sees no digit.',
  'level.map.judgeDigit':
    'The decoder draws {digit, select, 8 {an 8} other {a {digit}}} there ({confidence}% to the judge).',
  'level.map.holesHelp':
    'Drag or tap to move the probe: both maps show how far the nearest dot is and what the judge reads in the decode. Place point here marks the spot; a point with no dot within {radius} is a hole (?).',
  'level.map.liveHole': 'Judge: no digit (≤ {confidence}%)',
  'level.map.liveDigit': 'Judge: {digit, select, 8 {an 8} other {a {digit}}}, {confidence}%',
  'level.map.aeTitle': 'Plain AE',
  'level.map.vaeTitle': 'VAE (with KL term)',
  'level.map.tooClose': 'Too close to a point you placed: keep them at least {min} apart.',
  // holes2 (#10): Holes scored by the empty space the player sees.
  'level.map.liveEmpty': 'Empty: nearest dot {distance} away',
  'level.map.liveNear': '{digit, select, 8 {An 8} other {A {digit}}} lies {distance} away',
  'level.map.pointEmpty': 'Last point: empty, the nearest digit lies {distance} away. A hole!',
  'level.map.pointNear':
    'Last point: {digit, select, 8 {an 8} other {a {digit}}} lies {distance} away; a hole needs {radius}.',
  'level.map.vaeEmpty': 'VAE here: empty too, nearest dot {distance} away.',
  'level.map.vaeFilled': 'VAE here: filled, {digit, select, 8 {an 8} other {a {digit}}} lies {distance} away.',
  'level.arith.panel': 'Your expression',
  'level.arith.title': 'Cards: click one to add it, again to take it out',
  'level.arith.titleShort': 'Cards: tap to add or remove',
  'level.arith.yours': 'Your decode',
  'level.arith.clear': 'Clear',
  'level.arith.check': 'Check',
  'level.arith.empty': 'Pick cards on the right: each adds w·μ(card) to the code.',
  'level.arith.progress': 'Terms: {n} / {max}',
  'level.arith.live': 'Now: {value}',
  'level.arith.wrong': '{value} wrong pixels',
  'level.dream.sigma': 'σ: how far a dream may stray from μ',
  'level.dream.draw': 'Dream',
  'level.dream.progress': 'Draws: {n} / {max} · digits found: {found} / 10',
  'level.dream.found': 'Digits found: {digits}',
  'level.dream.clean': 'Last dream: a clean {digit}.',
  'level.dream.unclear': 'Last dream: the judge is not sure it is a digit.',
  'level.dream.help':
    'Put μ on the map (drag, tap, arrows) and set σ, then press Dream. The ring is μ ± σ: about 2 in 5 draws land inside it.',
  'level.path.check': 'Check path',
  'level.path.status': 'Path: {n} / {max} steps.',
  'level.path.colours': "Steps by the judge's confidence: green from {green}%, amber from {amber}%, red below.",
  'level.path.help':
    'Press where the path starts (a {start}), drag through a {via} to a {end}. Pressing far from its end starts anew.',
  // world3 (#10): Navigator's ellipse, Dream's prior samples, The path's strip
  'level.map.navRegionProbe':
    "Ellipse: how the VAE encodes probe {n}'s picture, μ ± σ (σ ≈ {sigma}): a region, not a point.",
  'level.map.navRegionTarget':
    "Ellipse: the target's encoding, μ ± σ (σ ≈ {sigma}). Codes inside it decode to nearly the target.",
  'level.dream.prior': 'Sample N(0, I)',
  'level.dream.priorStatus': 'From the prior N(0, I): {clean} clean of {n} dreams; {min} needed.',
  'level.path.strip': 'Along the path',
  // ── end of the Level block ──────────────────────────────────────────────────────────────────────────────
  // The classroom server's pages (`classroom.*`) are in src/shared/i18n/pages/ (not in the game's chunks).
  // ── your own digits and letters, setup links (issue 14) ──
  'draw.open': 'Draw a digit',
  'draw.title': 'Your own digit',
  'draw.loading': 'Loading the model and 1,000 real digits…',
  'draw.yours': 'Yours',
  'draw.rebuilt': 'Rebuilt',
  'draw.noisy': 'With noise',
  'draw.denoised': 'Noise removed',
  'draw.judge': 'The judge reads: {digit} ({percent} % sure)',
  'draw.error': 'Rebuilding error {error}: worse than for {percent} % of real digits.',
  'draw.unusual': 'Unusual for this model: maybe not a digit as it knows them.',
  'draw.mapHint': 'Your digit is the ring among 1,000 real test digits in the latent space.',
  'drawing.padLabel': 'Drawing pad',
  'drawing.digitHint': 'Draw one digit, big, with the mouse, a pen or your finger.',
  'drawing.letterHint': 'Tap squares to draw a letter; drag to paint or erase.',
  'drawing.empty': 'Draw something first: the pad is empty.',
  'drawing.clear': 'Clear',
  'drawing.undo': 'Undo',
  'drawing.redo': 'Redo',
  'drawing.brush': 'Brush',
  'link.copy': 'Copy link',
  'link.copied': 'Link copied: it opens this exact setup.',
  'link.restored': 'Setup restored from the link.',
  'link.invalid': 'This link could not be opened, so the game starts as usual: {problem}',
  'link.hidden': 'Your teacher fixed this setting.',
  'link.problem.damaged': 'The link is cut off or damaged.',
  'link.problem.tooLong': 'The link is too long.',
  'link.problem.version': 'The link was made by another version of Latent Quest (link format {version}).',
  'link.problem.unknownLevel': 'There is no level called "{id}".',
  'link.problem.unknownControl': '"{id}" is not a setting that can be hidden here.',
  'link.problem.forbiddenKey': 'The link contains a field called "{key}", which is not allowed.',
  // ── own (issue 14): share panel, model files ──
  'link.problem.labControls': "The Lab's controls cannot set this model exactly.",
  'link.fallback': 'Copying is not allowed here: select the link and copy it yourself.',
  'draw.modeDigit': 'Digit',
  'draw.modeLetter': 'Letter',
  'draw.titleLetter': 'Your own letter',
  'draw.loadingLetters': 'Loading the letter model…',
  'draw.nearestLetter': 'Nearest font letter: {letter} (code distance {distance})',
  'draw.letterCode': 'Its code: ({code}). The model is a small VAE on the 7x5 font that never saw an E.',
  'draw.letterMapHint': "Your letter is the ring among the font's letters (the first two of its four code numbers).",
  'results.tryOwn': 'Try your own',
  'link.copiedShort': 'Copied ✓',
  'link.field': 'Link to this setup',
  'share.open': 'Share',
  'share.title': 'Links and files',
  'share.close': 'Close',
  'share.exportModel': 'Save model',
  'share.importModel': 'Load model',
  'share.lossCsv': 'Loss as CSV',
  'share.chartPng': 'Chart as PNG',
  'share.imagesPng': 'Images as PNG',
  'share.noModel': 'Train a model first: there is nothing to save yet.',
  'share.noLoss': 'Train first: there is no loss history yet.',
  'share.busy': 'Stop the training first.',
  'share.saved': 'Saved {file}.',
  'share.loaded': 'Model loaded from {file}: {kind}, code size {size}.',
  'share.loadFailed': 'The model could not be loaded: {problem}',
  'modelFile.problem.empty': 'The file is empty.',
  'modelFile.problem.tooBig': 'The file is too big to be a Latent Quest model.',
  'modelFile.problem.notJson': 'This is not a Latent Quest model file (it is not JSON).',
  'modelFile.problem.notModel': 'This file is not a Latent Quest model.',
  'modelFile.problem.version': 'The model file was made by another version of Latent Quest (format {version}).',
  'modelFile.problem.damaged': 'The model file is damaged ({detail}).',
  'modelFile.problem.spec': 'The model in the file cannot be built: {detail}',
  'modelFile.problem.weights': 'The weights in the file are damaged or do not fit its model.',
  // ── end of the issue 14 block ──
  // ── codebook (issue 12, World 5 generators) ──
  'live.bits': 'Bits per image: {value} of {limit}',
  'fail.bits': 'Bits per image: {value}, {gap} over the budget of {limit}',
  'fail.written': '{n} of {total} digits read as themselves; not yet: {wrong}',
  'cond.card': 'Style card',
  'cond.probe': 'Your digit',
  'cond.write': 'Write {digit}',
  'cond.progress': 'Digits written: {n} / {max}',
  'cond.status': 'Class {digit} · looks {looks} (3★ ≤ {max3}, 2★ ≤ {max2})\nCard: stroke {width} px, slant {slant}°',
  'cond.help':
    'Pick a class and drop the probe where the digit may look like the card (each new spot is a look), then Write it.',
  // gen (issue 12): Digits on demand's decode budget on the Results screen.
  'results.detail.looks': 'Looks: {n} (3★ needs at most {max})',
  // gen (issue 12): Codebook's decoded codebook under the controls (src/game/level/views/codebook-card.ts).
  'level.codebook.title': 'Codebook, decoded',
  'level.codebook.empty': 'Train: each codebook entry then shows decoded, with how many letters use it.',
  'level.codebook.summary': '{used} of {size} entries used · bits per image: {bits} · error {mse}',
  'level.codebook.legendSlots':
    'One row per code slot, the other slots at their usual entry · bar: letters choosing the entry · dim: unused',
  'level.codebook.legendOne': 'Each entry decoded · bar: letters choosing it · dim: unused',
  // ── end of the codebook block ──
  // ── branch own (#14: own data in the Lab, your digit as a card) ──
  'notice.savePart.drawing': '{count, plural, one {# of your drawings} other {# of your drawings}}',
  'dataset.myGlyphs': 'My alphabet',
  'dataset.mnistMine': 'MNIST + mine',
  'lab.own.count':
    'Yours: {digits, plural, one {# digit} other {# digits}}, {letters, plural, one {# letter} other {# letters}}',
  'lab.own.noDigits': 'You have kept no digits yet: draw some on the Draw screen and press Keep.',
  'lab.own.noLetters': 'You have kept no letters yet: tap some on the Draw screen (Letter) and press Keep.',
  'draw.keep': 'Keep',
  'draw.keepLetter': 'Keep as {letter}',
  'draw.letterAs': 'Letter to replace',
  'draw.kept':
    'Kept. Yours: {digits, plural, one {# digit} other {# digits}}, {letters, plural, one {# letter} other {# letters}}; the Lab can train on them.',
  'draw.modeMine': 'Mine',
  'draw.mineHint': 'Your kept drawings. Tap one to remove it.',
  'draw.mineDigits': 'Digits (MNIST + mine): {count} / {max}',
  'draw.mineLetters': 'Letters (my alphabet): {count} / 26',
  'level.arith.ownNoCheck': 'Your own cards are for trying: take them out to Check.',
  // ── end of the branch own block ──
  // ── branch forces3 (#12: Two forces, the three maps side by side, src/game/level/views/force-maps.ts) ──
  'level.forces.title': 'One map per loss · ring: 2σ of the prior N(0, I)',
  'level.forces.notTrained': 'Not trained yet: choose {loss} under {control}, then train.',
  'level.forces.digits': 'Digits drawn: {digits} of {total}',
  'level.forces.numbers': 'MSE {mse} {mseMark} · KL {kl} nats {klMark}',
  'level.forces.scored': '★ Scored run',
  'level.forces.training': 'Training…',
  // ── end of the branch forces3 block ──
} as const;

/** The game's texts: what the game's chunks carry (a language's file in src/shared/i18n is one of these). */
export type GameMessageKey = keyof typeof en;
export type GameCatalogue = Record<GameMessageKey, string>;
/** The game's texts and the classroom server's pages' (src/shared/i18n/pages): every key `t()` knows in Node. */
export type MessageKey = GameMessageKey | PageMessageKey;
export type Catalogue = Record<MessageKey, string>;

/**
 * Set to true by vite.config.ts for the game's browser build: Polish, Czech and Spanish are left out of the main
 * chunk and loaded on demand (src/game/locale-load.ts puts the chosen one in CATALOGUES). Node (server, tests,
 * scripts) and the classroom page bundle never define it: there every catalogue is here from the start.
 */
declare const __LQ_LAZY_LOCALES__: boolean | undefined;
const LAZY_LOCALES = typeof __LQ_LAZY_LOCALES__ !== 'undefined' && __LQ_LAZY_LOCALES__;

/**
 * Every locale's catalogue (src/shared/i18n/locales.ts lists the locales, LOCALE_NAMES their names). In the game's
 * browser build only English until a locale is loaded: read it through `catalogue()`, which falls back to English.
 */
export const CATALOGUES: Record<Locale, Catalogue> = LAZY_LOCALES
  ? // The game in the browser: its own texts only (it never shows the classroom pages' `classroom.*` keys).
    ({ en } as unknown as Record<Locale, Catalogue>)
  : {
      en: { ...en, ...pagesEn },
      pl: { ...pl, ...pagesPl },
      cs: { ...cs, ...pagesCs },
      es: { ...es, ...pagesEs },
    };

/** `locale`'s catalogue, English while it is not loaded (the game's browser build loads them on demand). */
export function catalogue(locale: Locale): Catalogue {
  return CATALOGUES[locale] ?? CATALOGUES.en;
}
export { DEFAULT_LOCALE, LOCALES, type Locale, type MessageParams };

let currentLocale: Locale = DEFAULT_LOCALE;

export function setLocale(locale: Locale): void {
  currentLocale = locale;
}

export function getLocale(): Locale {
  return currentLocale;
}

/** Formats an ICU message for `locale` (numbers and plurals by its rules; unknown placeholders stay visible). */
export function format(template: string, params?: MessageParams, locale: Locale = currentLocale): string {
  return formatMessage(template, params, locale);
}

/** The text for `key` in the current locale (English when a locale lacks it). */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = catalogue(currentLocale)[key] ?? CATALOGUES.en[key];
  return format(template, params);
}

/** The argument names a message uses, sorted (for the completeness checks). */
export function placeholders(template: string): string[] {
  return argumentNames(template);
}
