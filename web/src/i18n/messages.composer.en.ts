// The composer's and the ticket view's panels' strings (kept apart to spare the other UI areas merge conflicts).
export const composerEn = {
  'composer.formatting': 'Formatting',
  'composer.bold': 'Bold',
  'composer.italic': 'Italic',
  'composer.bullets': 'Bulleted list',
  'composer.numbers': 'Numbered list',
  'composer.link': 'Link',
  'composer.linkPrompt': 'Link address (https://…)',
  'composer.canned': 'Insert canned response',
  'composer.mention': 'Mention a colleague',
  'composer.attachments': 'Attachments',
  'composer.attach': 'Attach files',
  'composer.dropHint': 'or drop them here',
  'composer.uploading': 'uploading…',
  'composer.uploadFailed': 'Upload failed',
  'composer.remove': 'Remove {name}',
  'composer.download': 'Download {name}',
} as const;
