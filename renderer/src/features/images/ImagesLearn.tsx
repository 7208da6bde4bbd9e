import { useShallow } from 'zustand/react/shallow';
import { Message } from '../../ui/Message';
import { useBerth } from '../../app/store';
import { explainImages } from './explain';

/** "What is an image?", beside the list, from the images on this engine. */
export function ImagesLearn() {
  const images = useBerth(useShallow((s) => s.images));
  return (
    <details className="learn-box">
      <summary>What is an image?</summary>
      {explainImages(images).map((text, i) => (
        <p key={i}>
          <Message text={text} />
        </p>
      ))}
    </details>
  );
}
