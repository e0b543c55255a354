import { describe, expect, it } from 'vitest';
import {
  folderHandle,
  handleLabel,
  isHandleShaped,
  parseHandle,
  rowHandle,
} from '../../src/domain/handle.ts';
import { handlePath, isHandlePath } from '../../src/site/routes.ts';

describe('study handles', () => {
  it('reads what a reader types for a handle, in its one form', () => {
    for (const typed of ['#124', '124', ' # 124 ', '0124', '#0124'])
      expect(parseHandle(typed), typed).toBe('124');
    for (const typed of ['F2', 'f2', '#F2', '#f02']) expect(parseHandle(typed), typed).toBe('F2');
  });

  it('is not fooled by text that merely holds a number', () => {
    for (const typed of ['', '#', '0', '#0', '12a', 'subdural', '1.2.643', '#12 34', 'FF2', '-3'])
      expect(parseHandle(typed), typed).toBeNull();
  });

  it('parses back every handle the pipeline gives and the site shows', () => {
    for (const handle of [rowHandle(2), rowHandle(801), folderHandle(1), folderHandle(12)]) {
      expect(parseHandle(handle)).toBe(handle);
      expect(parseHandle(handleLabel(handle))).toBe(handle);
      expect(isHandleShaped(handle)).toBe(true);
    }
  });

  it('tells a handle address from a study slug', () => {
    expect(isHandleShaped('124')).toBe(true);
    expect(isHandleShaped('f2')).toBe(true);
    for (const slug of ['1-2-643-5', 'study-124', '0124', 'page', 'f', ''])
      expect(isHandleShaped(slug), slug).toBe(false);
  });
});

describe('handle addresses', () => {
  it('are told apart from study pages and other pages, under a base path too', () => {
    expect(isHandlePath('/en/studies/124/', '/')).toBe(true);
    expect(isHandlePath('/datasets/h/ru/studies/F2/', '/datasets/h/')).toBe(true);
    for (const path of [
      '/en/studies/1-2-643-5/',
      '/en/studies/',
      '/en/studies/page/2/',
      '/en/studies/124/x/',
      '/xx/studies/124/',
      '/datasets/h/en/studies/study-124/',
    ])
      expect(isHandlePath(path, '/datasets/h/'), path).toBe(false);
  });

  it('is the study address with the handle where the UID stands', () => {
    expect(handlePath('en', '124')).toBe('/en/studies/124/');
    expect(isHandlePath(handlePath('ru', folderHandle(3)), '/')).toBe(true);
  });
});
