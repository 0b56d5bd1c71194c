// marked: Markdown to HTML (GFM tables, code, lists, links, inline HTML), lexer and a custom renderer.
import { marked, Marked } from 'marked';

const md = `# Title with *emphasis*

Some **bold** text, \`code\`, a [link](https://example.com "title") and <b>html</b>.

- item one
- item two
  1. nested
  2. list

> quoted
> text

\`\`\`js
const x = 1 < 2;
\`\`\`

| a | b |
|:--|--:|
| 1 | 2 |

- [x] done
- [ ] todo

Line with trailing spaces  
next line & entity &copy; and www.example.org autolink.

***
`;
process.stdout.write(marked.parse(md));
console.log(JSON.stringify(marked.lexer('# h\n\ntext').map((t) => t.type)));
console.log(marked.parseInline('*a* __b__ ~~c~~'));
const custom = new Marked({
  renderer: {
    heading({ tokens, depth }) {
      return `<h${depth} class="x">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
  },
});
process.stdout.write(custom.parse('## Custom *h2*\n\ntext'));
const noGfm = new Marked({ gfm: false, breaks: false });
process.stdout.write(noGfm.parse('| a |\n|---|\n| 1 |\n'));
