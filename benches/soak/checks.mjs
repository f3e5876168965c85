// Checks the soak run makes once, before it samples: situations its random actions
// found wrong once, set up on purpose so that each run looks at them again.

import { HOME } from './actions.mjs';

export const CHECKS = {
  /**
   * A run that diverged (regression through x1², x2², … without hidden layers, momentum,
   * batches of 1) is saved as a lesson file, as "Save lesson" writes it (JSON), and that
   * file opens again: the optimizer's memory then held ±Infinity, which JSON writes as null.
   */
  async divergedLessonOpensAgain(page) {
    const result = await page.evaluate(async (back) => {
      const p = window.playground;
      p.pause();
      p.setConfig({
        dataset: 'plane',
        problem: 'regression',
        loss: 'squared',
        hidden: [],
        layerActivations: [],
        optimizer: 'momentum',
        batchSize: 1,
        learningRate: 0.03,
      });
      for (let i = 0; i < 5 && !p.state.divergence; i++) await p.step();
      const diverged = p.state.divergence;
      let refused = '';
      try {
        p.openLesson(JSON.stringify(p.saveLesson()));
      } catch (error) {
        refused = error.message.split('\n')[0];
      }
      p.setConfig(back);
      p.play();
      return { diverged, refused };
    }, HOME);
    if (!result.diverged) throw new Error('the run meant to diverge did not');
    if (result.refused) throw new Error(`the lesson file of a diverged run did not open again: ${result.refused}`);
    return 'opens again';
  },
};
