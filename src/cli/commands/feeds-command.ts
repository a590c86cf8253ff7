import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCorpusOptions } from './corpus-options.js';

const load = async () => await import('../actions/feeds-action.js');

export function registerFeeds(program: Command, io: CliIo): void {
  const feeds = program
    .command('feeds')
    .description(
      'the RSS and Atom feeds `whosaid ingest --feeds` (and `serve`, with WHOSAID_FEEDS_INTERVAL) pulls from',
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ whosaid feeds add https://example.com/news/rss.xml\n' +
        '  $ whosaid feeds add https://example.com/legal/rss.xml --collection legal\n' +
        '  $ whosaid feeds list\n' +
        '  $ whosaid ingest --feeds\n' +
        '  $ whosaid feeds remove https://example.com/news/rss.xml\n',
    );
  addCorpusOptions(
    feeds
      .command('add')
      .description('follow a feed (it is fetched once to check that it is a feed)')
      .argument('<url>', 'http(s) URL of an RSS or Atom feed')
      .option('--collection <name>', 'the collection its articles go into (default: news)'),
  ).action(lazyAction(io, async () => (await load()).feedsAddAction));
  addCorpusOptions(feeds.command('list').description('the feeds followed, with when each was last checked'))
    .option('--json', 'print the list as JSON')
    .action(lazyAction(io, async () => (await load()).feedsListAction));
  addCorpusOptions(
    feeds
      .command('remove')
      .description('stop following a feed (the articles it brought in stay indexed)')
      .argument('<url>', 'the feed URL, as `feeds list` shows it'),
  ).action(lazyAction(io, async () => (await load()).feedsRemoveAction));
}
