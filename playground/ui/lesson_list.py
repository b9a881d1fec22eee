"""The lessons in the order they teach, each a click away: the list the lesson dock opens on at the app's first
start, and that the Lessons and Help menus bring back."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget


class LessonButton(QPushButton):
    """A lesson's title and what it teaches, wrapped to the width the list has, on one button: a click starts it."""

    def __init__(self, title: str, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.plain_title = title
        self.title = QLabel(title, objectName="lessonButtonTitle", wordWrap=True)
        self.title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel(summary, objectName="lessonButtonSummary", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        for label in (self.title, self.summary):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the button takes the click
            layout.addWidget(label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def show_finished(self, finished: bool) -> None:
        """A ✓ before the title of a lesson taken to its last step."""
        self.title.setText(f"✓ {self.plain_title}" if finished else self.plain_title)
        self.setToolTip(self.tr("Taken to its last step before; a click starts it again") if finished else "")

    # QPushButton sizes itself by its own text, which it has none of: the labels' layout says.
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self.layout().heightForWidth(width)


class LessonList(QWidget):
    chosen = Signal(str)  # a lesson's name
    close_requested = Signal()

    def __init__(self, titles: dict[str, str], parent: QWidget | None = None) -> None:
        """`titles`: each lesson's title by name, in the window's language."""
        super().__init__(parent)
        self.setObjectName("lessonList")
        heading = QLabel(self.tr("New to backpropagation? Start here."), objectName="lessonListHeading",
                         wordWrap=True)
        heading.setStyleSheet("font-weight: bold; font-size: 120%;")
        intro = QLabel(self.tr("Short lessons, best taken in this order. Each loads its network beside this list "
                               "and says, step by step, what to press, what to notice and why."),
                       objectName="lessonListIntro", wordWrap=True)
        entries = QWidget()
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.setSpacing(4)
        summaries = self.summaries()
        # A lesson added without a line here still shows, after the others.
        names = [name for name in summaries if name in titles] + [name for name in titles if name not in summaries]
        self.buttons: dict[str, LessonButton] = {}
        for number, name in enumerate(names, 1):
            button = LessonButton(f"{number}. {titles[name]}", summaries.get(name, ""))
            button.setObjectName(f"startLesson_{name}")
            button.clicked.connect(lambda _=False, name=name: self.chosen.emit(name))
            entries_layout.addWidget(button)
            self.buttons[name] = button
        entries_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame,
                             horizontalScrollBarPolicy=Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(entries)  # nine lessons are taller than a small screen: the texts above stay put
        back_later = QLabel(self.tr("The Lessons menu brings this list back."), objectName="lessonListHint",
                            wordWrap=True)
        close_button = QPushButton(self.tr("Close the list"), objectName="lessonListCloseButton")
        close_button.setToolTip(self.tr("It does not open by itself again: the Lessons menu brings it back"))
        close_button.clicked.connect(self.close_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(back_later)
        layout.addWidget(close_button)

    def show_finished(self, names: set[str]) -> None:
        """Mark the lessons `names`, taken to their last step, so that a person coming back sees where they were."""
        for name, button in self.buttons.items():
            button.show_finished(name in names)

    def summaries(self) -> dict[str, str]:
        """What each lesson teaches, in one line, by name, in the order to take them: from the straight line the
        seed article starts with to its MNIST network, which needs a download."""
        return {
            "linear-regression": self.tr("Gradient descent on a straight line, and what too large a learning rate "
                                         "does."),
            "deep-sigmoid": self.tr("Why the first layers of a deep sigmoid network hardly learn."),
            "deep-relu-he": self.tr("How ReLU and He initialization keep the gradient's size from the output back to "
                                    "the first layer."),
            "exploding": self.tr("Gradients that blow up, and how clipping and a smaller initial scale tame them."),
            "digits-mlp": self.tr("Plain SGD, momentum and Adam side by side on handwritten digits."),
            "overfit": self.tr("A network that learns its training points by heart, and how L2 and dropout hold it "
                               "back."),
            "batchnorm": self.tr("How normalizing each layer's inputs lets a deep sigmoid network train."),
            "residual": self.tr("How skip connections carry the gradient past a deep stack of layers."),
            "mnist-mlp": self.tr("The article's network on MNIST (downloaded once), a large learning rate and its "
                                 "warm-up."),
        }
